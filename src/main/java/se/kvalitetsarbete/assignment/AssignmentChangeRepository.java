package se.kvalitetsarbete.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AssignmentChangeRepository extends JpaRepository<AssignmentChange, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select c from AssignmentChange c where c.assignment.id = :assignmentId order by c.id")
  List<AssignmentChange> findByAssignmentIdOrderByIdAsc(@Param("assignmentId") Long assignmentId);
}
