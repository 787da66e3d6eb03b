package se.kvalitetsarbete.calendar;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CalendarYearRepository extends JpaRepository<CalendarYear, Long> {

  Optional<CalendarYear> findByFirstYear(int firstYear);

  List<CalendarYear> findAllByOrderByFirstYear();

  void deleteByFirstYear(int firstYear);
}
