package se.kvalitetsarbete.allocation;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import se.kvalitetsarbete.organisation.Term;

public interface AllocationRoundRepository extends JpaRepository<AllocationRound, Long> {

  Optional<AllocationRound> findByTerm(Term term);

  Optional<AllocationRound> findFirstByStatusOrderByOpenedAtDesc(AllocationRound.Status status);

  /**
   * Reads a round and holds it until the transaction ends: submissions, reviews and closing the
   * round take this lock, so the round never closes between a check and a write.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from AllocationRound r where r.id = :id")
  AllocationRound lock(Long id);
}
