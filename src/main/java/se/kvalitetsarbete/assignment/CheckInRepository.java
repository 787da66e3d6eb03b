package se.kvalitetsarbete.assignment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {

  List<CheckIn> findByAssignmentIdAndKindOrderByIdAsc(Long assignmentId, CheckIn.Kind kind);
}
