"""JupyterHub configuration for intervisie-kit (run-book: README.md next to this file).

Use it as it is (``jupyterhub -f jupyterhub_config.py``), or load it from your own configuration with
``load_subconfig("/path/to/jupyterhub_config.py")`` **first**, and then set or extend what you need
(tests/hubtest.py does that with a test authenticator, a local spawner and free ports). traitlets loads a
sub-configuration into a fresh object and merges it into yours: settings made before the
``load_subconfig`` line (services, roles, a pre-spawn hook, the authenticator) are not seen here and are
replaced. On TLJH use the plugin in ``tljh/`` (it works on TLJH's own configuration object); on Zero to
JupyterHub the values' ``extraConfig`` calls ``configure_hub(c)`` the same way.

What it sets (``intervisie_kit.hub.hubconfig.configure_hub``, shared with the TLJH plugin and the Zero to
JupyterHub values):

* every user's server runs ``intervisie-kit singleuser`` and opens the kit's start page; one server per
  user; a ``pre_spawn_hook`` gives the server the user's own PostgreSQL role (new password each start);
* the kit's database is prepared (migrations, roles, row-level security) once when the hub starts;
* hub-managed services: ``intervisie-trainer`` (the trainers' page), ``intervisie-startdag`` (a startdag
  on the hub) and ``idle-culler`` (stops servers without activity), each with only the scopes it needs;
  members of the trainer group may open both kit services.

Settings come from the hub's environment, so this file needs no edits:

=============================== ===================================================================
INTERVISIE_KIT_HUB_DB           PostgreSQL URL of the kit's owner role (required), e.g.
                                ``postgresql+psycopg://intervisie:SECRET@db.example.org/intervisie``
INTERVISIE_KIT_HUB_DB_HOST      host[:port] of the database as users' servers reach it (optional)
INTERVISIE_KIT_TRAINER_GROUP    the JupyterHub group of trainers (default ``trainers``)
INTERVISIE_KIT_LANG             ``nl`` (default) or ``en``
INTERVISIE_KIT_SERVICE_HOST     address the kit's services listen on (default 127.0.0.1)
INTERVISIE_KIT_TRAINER_PORT     port of the trainer service (default 10101)
INTERVISIE_KIT_STARTDAG_PORT    port of the startdag service (default 10102)
INTERVISIE_KIT_CULL_TIMEOUT     seconds without activity before a server is stopped (default 3600)
INTERVISIE_KIT_CULL_EVERY       seconds between the culler's rounds (default 300)
INTERVISIE_KIT_CULLER           ``0``: no idle-culler service (the Z2JH chart culls with its own)
INTERVISIE_KIT_PREPARE_DB       ``0``: do not run the database migrations at hub start
=============================== ===================================================================

The authenticator is the institute's choice; set it below (or in a file loaded after this one). When
you set it after this file has run, call ``use_startdag(c)`` again so the startdag join page is added.
"""

from intervisie_kit.hub.hubconfig import configure_hub, use_startdag  # noqa: F401 - use_startdag: see the end

c = get_config()  # noqa: F821 - provided by JupyterHub while it loads this file

# -- Authentication: the institute's choice. Examples (install the package, then uncomment one): ------
#
# Accounts the hub keeps itself, with sign-up and admin approval (pip install jupyterhub-nativeauthenticator):
#   c.JupyterHub.authenticator_class = "native"
#   c.NativeAuthenticator.open_signup = False
#
# The institute's identity provider over OAuth2 / OpenID Connect (pip install oauthenticator):
#   c.JupyterHub.authenticator_class = "generic-oauth"
#   c.GenericOAuthenticator.client_id = "..."; c.GenericOAuthenticator.client_secret = "..."
#   c.GenericOAuthenticator.oauth_callback_url = "https://hub.example.org/hub/oauth_callback"
#   c.GenericOAuthenticator.authorize_url = "..."; c.GenericOAuthenticator.token_url = "..."
#   c.GenericOAuthenticator.userdata_url = "..."; c.GenericOAuthenticator.username_claim = "preferred_username"
#   c.GenericOAuthenticator.manage_groups = True  # take cohort and trainer groups from the provider
#
# From the learning environment over LTI 1.3 (pip install jupyterhub-ltiauthenticator):
#   c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.authenticator.LTI13Authenticator"
#
# Admins see the admin panel (users, groups, servers):
#   c.Authenticator.admin_users = {"it-admin"}
#   c.Authenticator.allow_all = False  # and allowed_users / allowed_groups, or the authenticator's own rule

# -- Spawner: JupyterHub's default (local processes, one Unix user each) or TLJH's; Z2JH sets KubeSpawner.

# -- The kit. -----------------------------------------------------------------------------------------
configure_hub(c)

# An authenticator set after this point needs the startdag handler too:
#   c.JupyterHub.authenticator_class = ...
#   use_startdag(c)
