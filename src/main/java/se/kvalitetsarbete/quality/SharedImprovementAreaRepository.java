package se.kvalitetsarbete.quality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SharedImprovementAreaRepository extends JpaRepository<SharedImprovementArea, Long> {

  List<SharedImprovementArea> findBySchoolYearIdAndFormGroupOrderById(Long schoolYearId, SharedImprovementArea.FormGroup group);

  void deleteBySchoolYearId(Long schoolYearId);
}
