package se.kvalitetsarbete.regional;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegionalExchangeRepository extends JpaRepository<RegionalExchange, Long> {

  List<RegionalExchange> findBySchoolYearLabelAndAgreedAtNotNullOrderById(String schoolYearLabel);
}
