package se.kvalitetsarbete.quality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ActionFollowUpRepository extends JpaRepository<ActionFollowUp, Long> {

  List<ActionFollowUp> findByActionPlanIdOrderById(Long planId);

  void deleteByActionPlanId(Long planId);
}
