package se.kvalitetsarbete.quality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NormalCriterionRepository extends JpaRepository<NormalCriterion, Long> {

  List<NormalCriterion> findAllByOrderBySortOrderAscIdAsc();
}
