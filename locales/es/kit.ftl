# leptos-loginrocket: textos propios del kit (español).

## Nombres de campo (etiquetas, y nombres con que el servidor empieza sus mensajes).
field-email = Correo electrónico
field-password = Contraseña
field-password-confirmation = Confirmación de contraseña
field-current-password = Contraseña actual
field-new-password = Nueva contraseña
field-first-name = Nombre
field-last-name = Apellido
field-username = Nombre de usuario
field-org-name = Nombre de la organización
field-token = Invitación
field-code = Código

field-required = Rellena el campo { $field }.

password-show = Mostrar contraseña
password-hide = Ocultar contraseña

login-submit = Iniciar sesión
login-pending = Iniciando sesión…
login-failed = No se pudo iniciar sesión. Revisa tus datos e inténtalo de nuevo.
signup-submit = Crear cuenta
signup-pending = Creando tu cuenta…
signup-failed = No pudimos crear tu cuenta. Inténtalo de nuevo.
forgot-submit = Enviar enlace
forgot-pending = Enviando…
forgot-sent = Si existe una cuenta con ese correo, te hemos enviado un enlace para restablecer la contraseña.
reset-submit = Guardar contraseña
reset-pending = Guardando…
reset-done = Tu contraseña se ha cambiado.
reset-done-sign-in = Tu contraseña se ha cambiado. Inicia sesión con la nueva contraseña.
reset-missing-token = Este enlace para restablecer la contraseña está incompleto. Solicita uno nuevo.
reset-request-new = Solicitar un enlace nuevo

error-rate-limited = Demasiados intentos. Inténtalo de nuevo en { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}.
rate-limit-countdown = { $seconds ->
    [one] Queda { $seconds } segundo
   *[other] Quedan { $seconds } segundos
}
rate-limit-over = Ya puedes volver a intentarlo.
error-session-expired = Tu sesión ha caducado. Vuelve a iniciar sesión.
error-link-expired = Este enlace no es válido o ha caducado.
error-offline = Parece que no tienes conexión. Compruébala e inténtalo de nuevo.
error-timeout = El servicio de inicio de sesión tardó demasiado en responder. Inténtalo de nuevo.
error-unavailable = No podemos contactar con el servicio de inicio de sesión. Inténtalo de nuevo en un momento.
error-generic = Algo salió mal. Inténtalo de nuevo.
retry = Reintentar

logout-local-only = Has cerrado sesión en este dispositivo, pero no pudimos contactar con el servicio para cerrarla en todas partes.

two-factor-submit = Verificar
two-factor-pending = Verificando…
account-picker-hosted = Elige tu cuenta en la página de inicio de sesión
complete-profile-submit = Continuar
complete-profile-pending = Guardando…
verify-email-verifying = Verificando tu correo…
verify-email-done = Tu correo electrónico está verificado.
invitation-submit = Solicitar una invitación
invitation-pending = Enviando…
invitation-sent = ¡Gracias! Si se puede enviar una invitación a ese correo, ya va en camino.
profile-submit = Guardar cambios
profile-pending = Guardando…
profile-saved = Tu perfil se ha actualizado.
password-change-submit = Cambiar contraseña
password-change-pending = Guardando…
password-changed = Tu contraseña se ha cambiado.
logout = Cerrar sesión
logged-out = Has cerrado sesión.
step-expired = Ese paso del inicio de sesión ya no está abierto. Vuelve a iniciar sesión.
next-step-unknown = Falta un paso para terminar de iniciar sesión.
next-step-continue = Continuar en la página de inicio de sesión

page-sign-in = Iniciar sesión
page-sign-up = Crea tu cuenta
page-forgot-password = ¿Olvidaste tu contraseña?
page-reset-password = Elige una contraseña nueva
page-verify-email = Verifica tu correo
page-two-factor = Introduce tu código de verificación
page-choose-account = Elige una cuenta
page-complete-profile = Completa tu perfil
page-profile = Tu perfil
page-change-password = Cambia tu contraseña
page-request-invitation = Solicita una invitación
page-next-step = Un paso más
link-forgot-password = ¿Olvidaste tu contraseña?
link-sign-up = Crear una cuenta
link-sign-in = Volver a iniciar sesión
links-label = Páginas relacionadas
page-title = { $page } · { $app }
page-load-failed = No se pudo cargar esta página. Comprueba tu conexión e inténtalo de nuevo.
locale-load-failed = No se pudo cargar ese idioma. Comprueba tu conexión y vuelve a elegirlo.

password-hint = Al menos { $count ->
    [one] { $count } carácter
   *[other] { $count } caracteres
}.

## Inicio de sesión en las páginas del realm, y la vuelta
hosted-or = o
hosted-continue-with = Continuar con { $provider }
hosted-more-ways = Más formas de iniciar sesión
hosted-last-used = Usado la última vez
page-callback = Iniciando sesión
callback-checking = Comprobando tu inicio de sesión…
callback-confirm = ¿Continuar como { $account }?
callback-confirm-why = Has vuelto de la página de inicio de sesión, pero ese inicio de sesión no empezó aquí. Continúa solo si acabas de iniciar sesión.
callback-continue = Continuar
callback-missing = Este enlace de inicio de sesión está incompleto.
callback-expired = Este enlace de inicio de sesión ha caducado.
callback-invalid = Este enlace de inicio de sesión no es válido, o su sesión ha terminado.
callback-sign-in-again = Volver a iniciar sesión
