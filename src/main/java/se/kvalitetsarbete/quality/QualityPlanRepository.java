package se.kvalitetsarbete.quality;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QualityPlanRepository extends JpaRepository<QualityPlan, Long> {

  Optional<QualityPlan> findByUnitIdAndSchoolYearLabel(Long unitId, String schoolYearLabel);

  List<QualityPlan> findBySchoolYearIdOrderByUnitName(Long schoolYearId);
}
