package se.kvalitetsarbete.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitRepository extends JpaRepository<Unit, Long> {

  List<Unit> findByActiveTrueOrderByName();

  List<Unit> findByRektorUserIdAndActiveTrueOrderByName(String rektorUserId);

  Optional<Unit> findByCode(String code);
}
