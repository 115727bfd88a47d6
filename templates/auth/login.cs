<?cs set:Page.title = Lang.login_title ?><?cs include:"header.cs" ?>
<section class="login">
  <h1><?cs var:Lang.login_title ?></h1>
  <?cs if:Login.error ?><p class="error" role="alert" id="login-error"><?cs var:Lang.Login[Login.error] ?></p><?cs /if ?>
  <form method="post" action="/login">
    <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
    <p><label for="login"><?cs var:Lang.login_name ?></label>
    <input id="login" name="login" type="text" autocomplete="username" required autofocus maxlength="64" value="<?cs var:Login.login ?>"></p>
    <p><label for="password"><?cs var:Lang.password ?></label>
    <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256"></p>
    <p><button type="submit"><?cs var:Lang.login_button ?></button></p>
  </form>
</section>
<?cs include:"footer.cs" ?>
