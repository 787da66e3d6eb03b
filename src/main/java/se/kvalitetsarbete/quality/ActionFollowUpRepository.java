package se.kvalitetsarbete.quality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ActionFollowUpRepository extends JpaRepository<ActionFollowUp, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select f from ActionFollowUp f where f.action.plan.id = :planId order by f.id")
  List<ActionFollowUp> findByActionPlanIdOrderById(@Param("planId") Long planId);

  void deleteByActionPlanId(Long planId);

  /** An action a rektor marked as worth spreading, as the organiser's plan lists it. */
  record GoodExample(String unit, String schoolYearOfAction, String areaTitle, String action, String description) {}

  /**
   * The good examples the units named in this school year's "Hur blev det?" (so about last year's
   * actions), for the organiser's plan of the school year (e.g. "2027/28").
   */
  default List<GoodExample> goodExamples(String schoolYear) {
    return goodExamplesAbout(SchoolYear.label(Integer.parseInt(schoolYear.substring(0, 4)) - 1));
  }

  @Query("select new se.kvalitetsarbete.quality.ActionFollowUpRepository$GoodExample(a.plan.unit.name, a.plan.schoolYear.label,"
      + " a.areaTitle, a.what, f.goodExampleText) from ActionFollowUp f join f.action a"
      + " where f.kind = se.kvalitetsarbete.quality.ActionFollowUp$Kind.YEAR_END and f.goodExample = true"
      + " and a.plan.schoolYear.label = ?1 order by a.plan.unit.name, f.id")
  List<GoodExample> goodExamplesAbout(String schoolYearOfActions);
}
