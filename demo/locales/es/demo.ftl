# Las cadenas propias de la demo (español).
demo-title = demo de leptos-loginrocket
demo-nav = Demo
demo-nav-home = Inicio
demo-nav-protected = Protegida
demo-nav-sign-in = Iniciar sesión
demo-nav-sign-up = Registrarse
demo-nav-custom = Inicio de sesión propio
demo-language = Idioma
demo-signed-out = Sesión cerrada
demo-conditional = Falta un paso: { $conditions }
demo-signed-in = Sesión iniciada como { $email } (cuenta { $account })
demo-users = Usuarios de la demo
demo-password-for-all = Contraseña de todos:
demo-user-ann = usuaria sin más
demo-user-tom = doble factor (código: GET /_emulator/totp?email=tom@example.com)
demo-user-mia = dos organizaciones; idioma guardado: es
demo-user-una = correo aún sin verificar
demo-remember = Mantener la sesión en este dispositivo (todas las pestañas la comparten; recarga la página)
demo-protected = Página protegida
demo-protected-title = Protegida
demo-claims = Datos del token (decodificados solo para mostrarlos; el backend verifica la firma):
demo-selected-account = Cuenta: { $name }. { $count ->
    [0] Sin permisos en ella.
   *[other] Permisos en ella: { $permissions }.
}
demo-refresh = Renovar la sesión
demo-switch-account = Cambiar de cuenta
demo-hosted-accounts = Cambiar en la página alojada
demo-account = Cuenta
demo-edit-profile = Editar el perfil
demo-change-password = Cambiar la contraseña
demo-lab = Laboratorio de fallos
demo-lab-rate-limit = Límite de intentos
demo-lab-rate-limit-next = límite de intentos (5 s)
demo-lab-timeout = Tiempo agotado
demo-lab-timeout-next = no responde antes del límite
demo-lab-server-error = Error del servidor
demo-lab-server-error-next = error del servidor
demo-lab-garbage = Basura
demo-lab-garbage-next = respuesta ilegible
demo-lab-expired = Sesión caducada
demo-lab-expired-next = sesión caducada
demo-lab-queued = Próxima petición: { $fault }
demo-lab-unreachable = No se puede contactar con el emulador
demo-not-found = Página no encontrada
