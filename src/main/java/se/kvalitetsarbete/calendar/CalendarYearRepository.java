package se.kvalitetsarbete.calendar;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CalendarYearRepository extends JpaRepository<CalendarYear, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select y from CalendarYear y where y.firstYear = :firstYear")
  Optional<CalendarYear> findByFirstYear(@Param("firstYear") int firstYear);

  List<CalendarYear> findAllByOrderByFirstYear();

  void deleteByFirstYear(int firstYear);
}
