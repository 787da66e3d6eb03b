package se.kvalitetsarbete.quality;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StaffTeamAssessmentRepository extends JpaRepository<StaffTeamAssessment, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select a from StaffTeamAssessment a where a.plan.id = :planId order by a.teamName")
  List<StaffTeamAssessment> findByPlanIdOrderByTeamName(@Param("planId") Long planId);

  @Query("select a from StaffTeamAssessment a where a.plan.id = :planId and a.staffTeam.id = :staffTeamId")
  Optional<StaffTeamAssessment> findByPlanIdAndStaffTeamId(@Param("planId") Long planId, @Param("staffTeamId") Long staffTeamId);

  List<StaffTeamAssessment> findByStaffTeamIdOrderByPlanSchoolYearLabelDesc(Long staffTeamId);
}
