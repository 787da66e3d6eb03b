package se.kvalitetsarbete.allocation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kvalitetsarbete.organisation.Unit;
import se.kvalitetsarbete.quality.SchoolYear;
import se.kvalitetsarbete.quality.SchoolYearRepository;
import se.kvalitetsarbete.quality.SharedImprovementArea;
import se.kvalitetsarbete.quality.SharedImprovementAreaRepository;

/** The organiser's shared improvement areas of the current school year for a unit's school form: a need may concern one. */
@Component
public class SharedAreasOfTheYear {

  private final SchoolYearRepository years;
  private final SharedImprovementAreaRepository areas;
  private final Clock clock;

  public SharedAreasOfTheYear(SchoolYearRepository years, SharedImprovementAreaRepository areas, Clock clock) {
    this.years = years;
    this.areas = areas;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<String> titlesFor(Unit unit) {
    String label = SchoolYear.label(SchoolYear.firstYearOf(LocalDate.now(clock)));
    return years.findByLabel(label)
        .map(year -> areas.findBySchoolYearIdAndFormGroupOrderById(year.getId(),
            SharedImprovementArea.FormGroup.of(unit.getSchoolForm())))
        .orElse(List.of()).stream()
        .map(SharedImprovementArea::getTitle)
        .toList();
  }
}
