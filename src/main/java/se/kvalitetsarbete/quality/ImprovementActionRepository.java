package se.kvalitetsarbete.quality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ImprovementActionRepository extends JpaRepository<ImprovementAction, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select a from ImprovementAction a where a.plan.id = :planId order by a.id")
  List<ImprovementAction> findByPlanIdOrderById(@Param("planId") Long planId);
}
