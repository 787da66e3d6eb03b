package se.kvalitetsarbete.organisation;

/** Hösttermin and vårtermin; their dates each läsår are in the school calendar (calendar/SchoolCalendar). */
public enum Season {
  HT,
  VT
}
