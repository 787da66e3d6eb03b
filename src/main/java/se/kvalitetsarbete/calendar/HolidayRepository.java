package se.kvalitetsarbete.calendar;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HolidayRepository extends JpaRepository<Holiday, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select h from Holiday h where h.firstYear = :firstYear order by h.startsOn")
  List<Holiday> findByFirstYearOrderByStartsOn(@Param("firstYear") int firstYear);

  void deleteByFirstYear(int firstYear);
}
