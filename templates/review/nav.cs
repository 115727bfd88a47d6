<nav class="subnav" aria-label="<?cs var:Lang.Review.nav ?>">
  <a href="/review/"<?cs if:Nav.active == "home" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_home ?></a>
  <a href="/review/queue"<?cs if:Nav.active == "queue" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_queue ?></a>
  <a href="/review/completeness"<?cs if:Nav.active == "completeness" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_completeness ?></a>
  <a href="/review/periods"<?cs if:Nav.active == "periods" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_periods ?></a>
  <a href="/review/indicators"<?cs if:Nav.active == "indicators" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_indicators ?></a>
  <a href="/review/units"<?cs if:Nav.active == "units" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_units ?></a>
  <?cs if:Nav.users == 1 ?><a href="/review/users"<?cs if:Nav.active == "users" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_users ?></a><?cs /if ?>
  <a href="/review/meetings"<?cs if:Nav.active == "meetings" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_meetings ?></a>
  <a href="/review/directions"<?cs if:Nav.active == "directions" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_directions ?></a>
  <a href="/review/plan"<?cs if:Nav.active == "plan" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_plan ?></a>
  <a href="/review/quarterly"<?cs if:Nav.active == "quarterly" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_quarterly ?></a>
  <a href="/review/commendation"<?cs if:Nav.active == "commendation" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_commendation ?></a>
  <a href="/review/indices"<?cs if:Nav.active == "indices" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_indices ?></a>
  <a href="/review/audit"<?cs if:Nav.active == "audit" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_audit ?></a>
</nav>
