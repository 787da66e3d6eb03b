package se.kvalitetsarbete.common;

import java.lang.reflect.Field;

/**
 * The fields of the engine's commands and listeners that have no getter (a command's task id and
 * variables), read and replaced by our interceptors before the command runs.
 */
public final class EngineFields {

  private EngineFields() {}

  /** The field's value, or null when the object has no such field. */
  public static Object read(Object target, String name) {
    Field field = find(target.getClass(), name);
    try {
      return field == null ? null : field.get(target);
    } catch (IllegalAccessException e) {
      return null;
    }
  }

  public static void write(Object target, String name, Object value) {
    Field field = find(target.getClass(), name);
    if (field == null) {
      throw new IllegalStateException("No field " + name + " in " + target.getClass().getName());
    }
    try {
      field.set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> at = type; at != null; at = at.getSuperclass()) {
      try {
        Field field = at.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }
}
