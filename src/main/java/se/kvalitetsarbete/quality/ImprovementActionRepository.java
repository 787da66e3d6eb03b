package se.kvalitetsarbete.quality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ImprovementActionRepository extends JpaRepository<ImprovementAction, Long> {

  List<ImprovementAction> findByPlanIdOrderById(Long planId);
}
