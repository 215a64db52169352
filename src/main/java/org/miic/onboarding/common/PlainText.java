package org.miic.onboarding.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;

/**
 * Every text property of the annotated object, however deep (contacts, lists of facilities), is plain text: no NUL or
 * other control character (tab, line feed and carriage return allowed). PostgreSQL refuses NUL, and no field of a
 * worksheet means one; each offending field gets its own message (issue 7, item 10).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

  String message() default "Remove the control characters (such as NUL) from this field.";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlainText, Object> {

    /** The readable properties of each class, by name: introspected once (it was half of a worksheet intake's time). */
    private static final java.util.Map<Class<?>, java.util.List<java.util.Map.Entry<String, java.lang.reflect.Method>>> PROPERTIES =
        new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.List<java.util.Map.Entry<String, java.lang.reflect.Method>> properties(Class<?> type) {
      return PROPERTIES.computeIfAbsent(type, t -> {
        try {
          java.util.List<java.util.Map.Entry<String, java.lang.reflect.Method>> out = new java.util.ArrayList<>();
          for (PropertyDescriptor p : Introspector.getBeanInfo(t, Object.class).getPropertyDescriptors()) {
            if (p.getReadMethod() != null) {
              out.add(java.util.Map.entry(p.getName(), p.getReadMethod()));
            }
          }
          return java.util.List.copyOf(out);
        } catch (IntrospectionException e) {
          throw new IllegalStateException(e);
        }
      });
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      context.disableDefaultConstraintViolation();
      return check(value, "", context, 0);
    }

    private boolean check(Object bean, String path, ConstraintValidatorContext context, int depth) {
      if (bean == null || depth > 5) {
        return true;
      }
      boolean ok = true;
      try {
        for (java.util.Map.Entry<String, java.lang.reflect.Method> p : properties(bean.getClass())) {
          Object v = p.getValue().invoke(bean);
          String name = path + p.getKey();
          if (v instanceof String s) {
            if (hasControl(s)) {
              context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate()).addPropertyNode(name)
                  .addConstraintViolation();
              ok = false;
            }
          } else if (v instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
              ok &= item instanceof String s ? !hasControl(s) : check(item, name + "[" + i + "].", context, depth + 1);
              i++;
            }
          } else if (v != null && v.getClass().getName().startsWith("org.miic.")) {
            ok &= v.getClass().isEnum() || check(v, name + ".", context, depth + 1);
          }
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
      return ok;
    }

    static boolean hasControl(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
          return true;
        }
      }
      return false;
    }
  }
}
