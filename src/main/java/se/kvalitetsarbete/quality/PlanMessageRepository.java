package se.kvalitetsarbete.quality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanMessageRepository extends JpaRepository<PlanMessage, Long> {

  List<PlanMessage> findByPlanIdOrderById(Long planId);
}
