package se.kvalitetsarbete.quality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PlanMessageRepository extends JpaRepository<PlanMessage, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select m from PlanMessage m where m.plan.id = :planId order by m.id")
  List<PlanMessage> findByPlanIdOrderById(@Param("planId") Long planId);
}
