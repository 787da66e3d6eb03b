package se.kvalitetsarbete.assignment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select a from Assignment a where a.decision.id = :decisionId")
  Optional<Assignment> findByDecisionId(@Param("decisionId") Long decisionId);

  boolean existsByDecisionId(Long decisionId);

  List<Assignment> findByStatusNot(Assignment.Status status);
}
