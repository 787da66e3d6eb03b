package se.kvalitetsarbete.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvaluationRepository extends JpaRepository<Evaluation, Long> {

  List<Evaluation> findByAssignmentId(Long assignmentId);

  boolean existsByAssignmentIdAndRespondent(Long assignmentId, String respondent);
}
