package se.kvalitetsarbete.organisation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** An arbetslag: a team of a unit's staff that self-assesses the normallägen together. */
@Entity
public class StaffTeam {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  private Unit unit;

  private String name;

  /** User ids, each in the unit's staff group. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "staff_team_member", joinColumns = @JoinColumn(name = "staff_team_id"))
  @Column(name = "user_id")
  private Set<String> members = new TreeSet<>();

  protected StaffTeam() {}

  public StaffTeam(Unit unit, String name, Collection<String> members) {
    this.unit = unit;
    change(name, members);
  }

  public void change(String name, Collection<String> members) {
    this.name = name;
    this.members.clear();
    this.members.addAll(members);
  }

  public Long getId() { return id; }
  public Unit getUnit() { return unit; }
  public String getName() { return name; }
  public List<String> getMembers() { return List.copyOf(members); }
}
