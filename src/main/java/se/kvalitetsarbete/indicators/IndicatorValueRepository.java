package se.kvalitetsarbete.indicators;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IndicatorValueRepository extends JpaRepository<IndicatorValue, Long> {

  List<IndicatorValue> findByAreaCodeIn(Collection<String> areaCodes);

  @Query("""
      select v from IndicatorValue v join fetch v.indicator
      where v.areaCode = :area and v.year between :fromYear and :toYear""")
  List<IndicatorValue> findForArea(@Param("area") String area, @Param("fromYear") int fromYear,
      @Param("toYear") int toYear);

  long countByAreaCode(String areaCode);

  /** The municipality's own figures: a kommunkod has four digits, a skolenhetskod eight. */
  @Query("""
      select v from IndicatorValue v join fetch v.indicator i
      where length(v.areaCode) = 4 and v.year between :fromYear and :toYear
      order by i.sortOrder, i.code, v.year, v.gender""")
  List<IndicatorValue> findForMunicipality(@Param("fromYear") int fromYear, @Param("toYear") int toYear);
}
