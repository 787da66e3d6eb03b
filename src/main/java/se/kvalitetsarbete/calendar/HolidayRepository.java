package se.kvalitetsarbete.calendar;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HolidayRepository extends JpaRepository<Holiday, Long> {

  List<Holiday> findByFirstYearOrderByStartsOn(int firstYear);

  void deleteByFirstYear(int firstYear);
}
