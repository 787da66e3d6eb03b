package se.kvalitetsarbete.quality;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffTeamAssessmentRepository extends JpaRepository<StaffTeamAssessment, Long> {

  List<StaffTeamAssessment> findByPlanIdOrderByTeamName(Long planId);

  Optional<StaffTeamAssessment> findByPlanIdAndStaffTeamId(Long planId, Long staffTeamId);

  List<StaffTeamAssessment> findByStaffTeamIdOrderByPlanSchoolYearLabelDesc(Long staffTeamId);
}
