package se.kvalitetsarbete.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssignmentChangeRepository extends JpaRepository<AssignmentChange, Long> {

  List<AssignmentChange> findByAssignmentIdOrderByIdAsc(Long assignmentId);
}
