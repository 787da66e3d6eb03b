package se.kvalitetsarbete.quality;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SchoolYearRepository extends JpaRepository<SchoolYear, Long> {

  Optional<SchoolYear> findByLabel(String label);
}
