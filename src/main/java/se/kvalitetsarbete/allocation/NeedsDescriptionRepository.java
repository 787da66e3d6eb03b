package se.kvalitetsarbete.allocation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NeedsDescriptionRepository extends JpaRepository<NeedsDescription, Long> {

  List<NeedsDescription> findByRoundIdAndStatusOrderByPriorityPointsDescIdAsc(Long roundId, NeedsDescription.Status status);

  long countByRoundIdAndStatus(Long roundId, NeedsDescription.Status status);

  List<NeedsDescription> findByRoundIdOrderByIdAsc(Long roundId);

  List<NeedsDescription> findByUnitIdInAndStatusInOrderBySubmittedAtDescIdDesc(java.util.Collection<Long> unitIds,
      java.util.Collection<NeedsDescription.Status> statuses);

  /** The unit's description in a round, while its rektor may still change it. */
  Optional<NeedsDescription> findFirstByRoundIdAndUnitIdAndStatusIn(Long roundId, Long unitId, java.util.Collection<NeedsDescription.Status> statuses);

  boolean existsByRoundIdAndUnitId(Long roundId, Long unitId);

  /** A draft opened by a follow-up conversation, waiting for the unit's next round. */
  Optional<NeedsDescription> findFirstByUnitIdAndRoundIsNullAndStatus(Long unitId, NeedsDescription.Status status);
}
