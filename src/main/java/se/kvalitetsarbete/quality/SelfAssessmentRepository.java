package se.kvalitetsarbete.quality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SelfAssessmentRepository extends JpaRepository<SelfAssessment, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select s from SelfAssessment s where s.plan.id = :planId")
  List<SelfAssessment> findByPlanId(@Param("planId") Long planId);
}
