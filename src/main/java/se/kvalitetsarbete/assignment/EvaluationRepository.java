package se.kvalitetsarbete.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EvaluationRepository extends JpaRepository<Evaluation, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select e from Evaluation e where e.assignment.id = :assignmentId")
  List<Evaluation> findByAssignmentId(@Param("assignmentId") Long assignmentId);

  boolean existsByAssignmentIdAndRespondent(Long assignmentId, String respondent);
}
