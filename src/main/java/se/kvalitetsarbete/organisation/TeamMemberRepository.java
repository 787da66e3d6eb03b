package se.kvalitetsarbete.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamMemberRepository extends JpaRepository<TeamMember, Long> {

  List<TeamMember> findAllByOrderByName();

  Optional<TeamMember> findByUserId(String userId);
}
