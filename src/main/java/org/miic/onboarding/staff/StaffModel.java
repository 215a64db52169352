package org.miic.onboarding.staff;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every staff page shows: who is signed in. */
@ControllerAdvice(basePackageClasses = StaffModel.class)
class StaffModel {

  @ModelAttribute("staffUser")
  String staffUser(Principal who) {
    return who == null ? "" : who.getName();
  }
}
