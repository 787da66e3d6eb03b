package se.kvalitetsarbete.allocation;

import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NeedsDescriptionRepository extends JpaRepository<NeedsDescription, Long> {

  /**
   * Reads a description and holds it alone until the transaction ends. A review takes it first,
   * before the round's lock and the engine's rows, so two reviews of one description take turns
   * instead of each holding a row the other waits for (a deadlock under two coordinators at once).
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from NeedsDescription d where d.id = :id")
  Optional<NeedsDescription> lock(Long id);

  List<NeedsDescription> findByRoundIdAndStatusOrderByPriorityPointsDescIdAsc(Long roundId, NeedsDescription.Status status);

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select count(d) from NeedsDescription d where d.round.id = :roundId and d.status = :status")
  long countByRoundIdAndStatus(@Param("roundId") Long roundId, @Param("status") NeedsDescription.Status status);

  @Query("select d from NeedsDescription d where d.round.id = :roundId order by d.id")
  List<NeedsDescription> findByRoundIdOrderByIdAsc(@Param("roundId") Long roundId);

  List<NeedsDescription> findByUnitIdInAndStatusInOrderBySubmittedAtDescIdDesc(java.util.Collection<Long> unitIds,
      java.util.Collection<NeedsDescription.Status> statuses);

  /** The unit's description in a round, while its rektor may still change it. */
  Optional<NeedsDescription> findFirstByRoundIdAndUnitIdAndStatusIn(Long roundId, Long unitId, java.util.Collection<NeedsDescription.Status> statuses);

  boolean existsByRoundIdAndUnitId(Long roundId, Long unitId);

  /** A draft opened by a follow-up conversation, waiting for the unit's next round. */
  Optional<NeedsDescription> findFirstByUnitIdAndRoundIsNullAndStatus(Long unitId, NeedsDescription.Status status);
}
