package se.kvalitetsarbete.allocation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The criteria as the deployed prioritisation table states them now: for everyone logged in (the decisions page). */
@RestController
public class CriteriaController {

  private final PrioritisationCriteria criteria;

  public CriteriaController(PrioritisationCriteria criteria) {
    this.criteria = criteria;
  }

  @GetMapping("/api/allocation-criteria")
  public PrioritisationCriteria.Criteria current() {
    return criteria.current();
  }
}
