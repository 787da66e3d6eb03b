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
   * Reads a round and holds it alone until the transaction ends: closing the round, the meeting's
   * decision and the last reviews of a closed round take this lock, and wait for {@link #share}.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from AllocationRound r where r.id = :id")
  AllocationRound lock(Long id);

  /**
   * Reads a round and keeps it from closing until the transaction ends: submissions and reviews
   * of an open round take this lock together (many at once), so the round never closes between
   * a check of its deadline and a write.
   */
  @Lock(LockModeType.PESSIMISTIC_READ)
  @Query("select r from AllocationRound r where r.id = :id")
  AllocationRound share(Long id);

  /** The round's status as last committed, without a lock. */
  @Query("select r.status from AllocationRound r where r.id = :id")
  AllocationRound.Status statusOf(Long id);
}
