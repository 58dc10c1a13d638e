/// The login pages' Mustache templates: French, server-rendered, no external asset. Inline style and script carry
/// the response's CSP nonce.
enum Templates {
    static let layout = """
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        {{#refresh}}<meta http-equiv="refresh" content="{{refresh}}">{{/refresh}}
        <title>{{title}} — Passerelle</title>
        <style nonce="{{nonce}}">
        body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d1d1b}
        h1{font-size:1.4rem}.card{border:1px solid #ccc;border-radius:.5rem;padding:1rem;margin:1rem 0}
        .error{background:#fde8e8;border-color:#c0392b}.warn{background:#fff4d6;border-color:#d68910}
        .binding{font-size:3rem;font-weight:bold;letter-spacing:.3rem;text-align:center}
        button{font-size:1rem;padding:.5rem 1rem;margin-top:.5rem}input[type=password]{font-size:1.4rem;width:6rem}
        small{color:#555}
        </style></head><body>
        <h1>{{title}}</h1>
        {{{body}}}
        {{#script}}<script nonce="{{nonce}}">{{{script}}}</script>{{/script}}
        </body></html>
        """

    static let login = """
        {{#app}}<p>L'application <strong>{{app}}</strong> demande votre connexion.</p>{{/app}}
        <div class="card" id="card-status" aria-live="polite">{{cardMessage}}</div>
        {{#failure}}<div class="card error" role="alert">{{failure}}</div>{{/failure}}
        {{#locked}}<div class="card warn">La session est verrouillée : réinsérez la même carte et saisissez votre code.</div>{{/locked}}
        {{#cardPresent}}
        <form method="post" action="/login/pin" class="card" autocomplete="off">
          <input type="hidden" name="tx" value="{{tx}}"><input type="hidden" name="csrf" value="{{csrf}}">
          <label>Code porteur de la carte (4 chiffres)<br>
          <input type="password" name="pin" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" required autofocus></label>
          {{#triesLeft}}<p><small>Essais restants : {{triesLeft}}</small></p>{{/triesLeft}}
          {{#lastTry}}<p class="card warn"><label><input type="checkbox" name="confirm_last_try" value="yes" required>
          Il ne reste qu'un essai : je confirme vouloir saisir mon code (un code faux bloquera la carte).</label></p>{{/lastTry}}
          <p><label><input type="radio" name="method" value="ciba"{{#ciba}} checked{{/ciba}}> Validation sur la carte (Pro Santé Connect)</label><br>
          <label><input type="radio" name="method" value="browser"{{^ciba}} checked{{/ciba}}> Page Pro Santé Connect</label></p>
          <button type="submit">Valider</button>
        </form>
        {{/cardPresent}}
        {{^cardPresent}}
        <form method="post" action="/login/ecps" class="card">
          <input type="hidden" name="tx" value="{{tx}}"><input type="hidden" name="csrf" value="{{csrf}}">
          <p>Sans carte : connexion par l'application e-CPS.</p>
          <label>Identifiant national (RPPS/ADELI)<br><input name="national_id" inputmode="numeric" required></label>
          <button type="submit">Recevoir la demande sur mon téléphone</button>
        </form>
        {{/cardPresent}}
        <form method="post" action="/login/cancel"><input type="hidden" name="tx" value="{{tx}}">
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Annuler</button></form>
        """

    static let cardScript = """
        const box=document.getElementById('card-status');
        const source=new EventSource('/login/events');
        let first=true;
        source.onmessage=(e)=>{const s=JSON.parse(e.data);box.textContent=s.message;
        if(!first){location.reload();}first=false;};
        """

    static let wait = """
        <div class="card"><p>Une demande de connexion a été envoyée {{channel}}.</p>
        <p>Vérifiez que le code affiché est le même :</p><p class="binding">{{binding}}</p>
        <p>Temps restant : <strong id="countdown" data-seconds="{{seconds}}">{{seconds}}</strong> s</p></div>
        <form method="post" action="/login/cancel"><input type="hidden" name="tx" value="{{tx}}">
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Annuler</button></form>
        """

    static let countdownScript = """
        const c=document.getElementById('countdown');let s=parseInt(c.dataset.seconds,10);
        setInterval(()=>{if(s>0){s-=1;c.textContent=s;}},1000);
        """

    static let situation = """
        <p>Pro Santé Connect indique plusieurs situations d'exercice. Choisissez celle de cette session :</p>
        <form method="post" action="/login/situation" class="card">
          <input type="hidden" name="tx" value="{{tx}}"><input type="hidden" name="csrf" value="{{csrf}}">
          {{#situations}}<p><label><input type="radio" name="situation" value="{{index}}"{{#first}} checked{{/first}}> {{label}}</label></p>{{/situations}}
          <button type="submit">Continuer</button>
        </form>
        """

    static let message = """
        <div class="card{{#isError}} error{{/isError}}" role="{{#isError}}alert{{/isError}}{{^isError}}status{{/isError}}">{{message}}</div>
        {{#retry}}<p><a href="{{retry}}">Recommencer</a></p>{{/retry}}
        """

    static let confirmLogout = """
        <p>Voulez-vous fermer la session de connexion du poste ? Toutes les applications seront déconnectées.</p>
        <form method="post" action="/logout"><input type="hidden" name="tx" value="{{tx}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#redirect}}<input type="hidden" name="redirect" value="{{redirect}}">{{/redirect}}
        {{#state}}<input type="hidden" name="state" value="{{state}}">{{/state}}
        <button type="submit">Se déconnecter</button></form>
        """
}
