package se.kvalitetsarbete.assignment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

  Optional<Assignment> findByDecisionId(Long decisionId);

  boolean existsByDecisionId(Long decisionId);

  List<Assignment> findByStatusNot(Assignment.Status status);
}
