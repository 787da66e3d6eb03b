package se.kvalitetsarbete.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffTeamRepository extends JpaRepository<StaffTeam, Long> {

  List<StaffTeam> findByUnitIdOrderByName(Long unitId);

  boolean existsByUnitIdAndName(Long unitId, String name);
}
