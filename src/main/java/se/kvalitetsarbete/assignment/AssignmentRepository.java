package se.kvalitetsarbete.assignment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

  Optional<Assignment> findByDecisionId(Long decisionId);
}
