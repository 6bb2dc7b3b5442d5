"""Word lists for the question coach, in Dutch (``NL_...``) and English (``EN_...``).

The phrase patterns in ``lexicon.py`` catch the turns that follow a known shape; these lists catch what no
phrase can list, the open-ended vocabulary of a verdict or a command: "die directie is echt hopeloos",
"he's such a pushover", "bel gewoon de huisarts". Every entry is lower case, as the coach's normalised text
is, and is a single word (hyphenated words count as one: ``passief-agressief``, ``two-faced``) unless it is
listed among a set's phrases.

A word belongs to a list only if, in a typical turn of a group member, it clearly signals that category:

- ``*_NEGATIVE_TRAITS``: adjectives (in Dutch every inflected form) that evaluate a person or their
  conduct negatively: a judgement. Words that mostly describe a feeling or a situation (moe, bang,
  lastig, moeilijk, zwaar, druk, vervelend; tired, difficult, awkward, messy) are left out: said about a
  situation they are empathy, not judgement.
- ``*_INSULT_NOUNS``: nouns that label a person negatively (betweter, lafaard; pushover, bully).
- ``*_POSITIVE_VERDICTS``: words and phrases that praise someone's conduct as a verdict (terecht,
  de juiste keuze; sensible, the right call). Praise is an evaluation too, so in a question round it
  counts as judgement.
- ``*_EMPATHY_WORDS``: words of sympathy exclamations about a situation (wat vervelend, rot voor je;
  what a nightmare, that's rough). These count as "other", not as judgement.
- ``*_IMPERATIVE_VERBS``: Dutch imperatives (the stem: bel, zeg, plan) and English base forms (call,
  email, delegate) a group member uses to tell the inbrenger what to do. Verbs that mostly open an
  invitation to tell more (vertel, beschrijf, schets, noem; tell, describe, explain, share, say) and
  verbs that open yes/no questions or are auxiliaries (ben, heb, kun, doe, ga, vind, zie; do, is, have,
  can) are left out, and so are stems that mostly open something else: "kijk, ...", "wacht, ...",
  "stel dat ...", "los van ...", "pas als ..."; "look, ...", "let me ...", "see, ...".

Pure data: no imports beyond the standard ``__future__``, so ``lexicon.py`` can read it at import time.
"""

from __future__ import annotations

__all__ = [
    "EN_EMPATHY_WORDS",
    "EN_IMPERATIVE_VERBS",
    "EN_INSULT_NOUNS",
    "EN_NEGATIVE_TRAITS",
    "EN_POSITIVE_VERDICTS",
    "NL_EMPATHY_WORDS",
    "NL_IMPERATIVE_VERBS",
    "NL_INSULT_NOUNS",
    "NL_NEGATIVE_TRAITS",
    "NL_POSITIVE_VERDICTS",
]


# --- Dutch ------------------------------------------------------------------------------------------------

#: Negative traits of a person or their conduct, every inflected form: "hij is zo bazig", "een laffe zet".
NL_NEGATIVE_TRAITS: frozenset[str] = frozenset(
    """
    dom domme stom stomme stompzinnig stompzinnige onnozel onnozele dwaas dwaze suf suffe sloom slome
    achterlijk achterlijke idioot idiote belachelijk belachelijke onverstandig onverstandige
    naïef naïeve naief naieve goedgelovig goedgelovige wereldvreemd wereldvreemde onwetend onwetende
    lui luie laks lakse lamlendig lamlendige gemakzuchtig gemakzuchtige ongemotiveerd ongemotiveerde
    ongeïnteresseerd ongeïnteresseerde ongeinteresseerd ongeinteresseerde onverschillig onverschillige
    slordig slordige onzorgvuldig onzorgvuldige nalatig nalatige nonchalant nonchalante
    roekeloos roekeloze ondoordacht ondoordachte onbezonnen impulsief impulsieve
    onverantwoordelijk onverantwoordelijke onverantwoord onverantwoorde
    onprofessioneel onprofessionele onzakelijk onzakelijke amateuristisch amateuristische
    incompetent incompetente onbekwaam onbekwame onkundig onkundige ondeskundig ondeskundige
    incapabel incapabele ongeschikt ongeschikte waardeloos waardeloze hopeloos hopeloze
    knullig knullige stuntelig stuntelige klungelig klungelige onbeholpen halfbakken
    inefficiënt inefficiënte inefficient inefficiente ongeorganiseerd ongeorganiseerde
    vergeetachtig vergeetachtige onoplettend onoplettende oppervlakkig oppervlakkige
    onbetrouwbaar onbetrouwbare oneerlijk oneerlijke leugenachtig leugenachtige onoprecht onoprechte
    achterbaks achterbakse gluiperig gluiperige vals valse hypocriet hypocriete schijnheilig schijnheilige
    dubbelhartig dubbelhartige manipulatief manipulatieve berekenend berekenende
    ongeloofwaardig ongeloofwaardige inconsequent inconsequente wispelturig wispelturige
    slap slappe laf laffe zwak zwakke soft ruggengraatloos ruggengraatloze karakterloos karakterloze
    besluiteloos besluiteloze passief passieve onderdanig onderdanige kruiperig kruiperige
    slijmerig slijmerige
    bazig bazige dominant dominante controlerend controlerende dwingend dwingende opdringerig opdringerige
    drammerig drammerige claimend claimende bemoeizuchtig bemoeizuchtige betuttelend betuttelende
    autoritair autoritaire dictatoriaal dictatoriale tiranniek tirannieke machtsbelust machtsbeluste
    overbezorgd overbezorgde overbeschermend overbeschermende verwend verwende
    arrogant arrogante verwaand verwaande zelfingenomen zelfvoldaan zelfvoldane ijdel ijdele
    hooghartig hooghartige pedant pedante opschepperig opschepperige betweterig betweterige
    belerend belerende moraliserend moraliserende prekerig prekerige
    neerbuigend neerbuigende denigrerend denigrerende kleinerend kleinerende
    respectloos respectloze onbeschoft onbeschofte onbeleefd onbeleefde onbeschaamd onbeschaamde
    ongemanierd ongemanierde brutaal brutale bot botte grof grove lomp lompe tactloos tactloze
    asociaal asociale ordinair ordinaire onhebbelijk onhebbelijke onuitstaanbaar onuitstaanbare
    onvriendelijk onvriendelijke onaardig onaardige onsympathiek onsympathieke
    egoïstisch egoïstische egoistisch egoistische zelfzuchtig zelfzuchtige egocentrisch egocentrische
    narcistisch narcistische ondankbaar ondankbare gierig gierige krenterig krenterige
    afstandelijk afstandelijke kil kille harteloos harteloze gevoelloos gevoelloze ongevoelig ongevoelige
    gemeen gemene hatelijk hatelijke venijnig venijnige pesterig pesterige kwaadaardig kwaadaardige
    wraakzuchtig wraakzuchtige agressief agressieve gewelddadig gewelddadige
    passief-agressief passief-agressieve opvliegend opvliegende driftig driftige kortaf
    chagrijnig chagrijnige humeurig humeurige nors norse cynisch cynische sarcastisch sarcastische
    kinderachtig kinderachtige infantiel infantiele onvolwassen
    hysterisch hysterische overdreven dramatisch dramatische theatraal theatrale aanstellerig aanstellerige
    zeurderig zeurderige klagerig klagerige overgevoelig overgevoelige lichtgeraakt lichtgeraakte
    kleinzielig kleinzielige paranoïde paranoide neurotisch neurotische labiel labiele gestoord gestoorde
    star starre rigide koppig koppige eigenwijs eigenwijze dwars dwarse recalcitrant recalcitrante
    opstandig opstandige ongehoorzaam ongehoorzame onhandelbaar onhandelbare onredelijk onredelijke
    defensief defensieve ontwijkend ontwijkende
    pietluttig pietluttige muggenzifterig muggenzifterige kleingeestig kleingeestige bekrompen
    kortzichtig kortzichtige bevooroordeeld bevooroordeelde discriminerend discriminerende
    racistisch racistische seksistisch seksistische
    ongepast ongepaste onacceptabel onacceptabele ontoelaatbaar ontoelaatbare schandalig schandalige
    onbehoorlijk onbehoorlijke onbetamelijk onbetamelijke grensoverschrijdend grensoverschrijdende
    onethisch onethische immoreel immorele corrupt corrupte
    foute
    """.split()
)

#: Nouns that label a person: "ze is echt een betweter", "wat een lafaard".
NL_INSULT_NOUNS: frozenset[str] = frozenset(
    """
    draaikont windvaan opportunist
    betweter wijsneus besserwisser bemoeial regelneef drammer muggenzifter pietlut mierenneuker regelneuker
    zeur zeurpiet zeurkous zeikerd klager mopperaar kniesoor zuurpruim brompot chagrijn querulant
    lastpak lastpost dwarsligger ruziezoeker ruziemaker onruststoker paniekzaaier
    bullebak pestkop treiteraar tiran dictator despoot bruut controlfreak
    lafaard lafbek angsthaas bangerik schijterd watje slappeling slapjanus doetje sul sukkel
    jaknikker ja-knikker meeloper hielenlikker slijmbal slijmjurk kontlikker
    luiwammes luilak lapzwans nietsnut klaploper profiteur parasiet uitvreter
    prutser knoeier klungel kluns stuntel beunhaas dilettant amateur mislukkeling loser
    idioot sufferd domoor dombo stommeling oen malloot mafkees halvegare lummel
    eikel lul klootzak hufter rotzak etter kreng trut heks feeks serpent
    hork lomperik lomperd botterik pummel boerenpummel proleet
    narcist egoïst egoist egotripper opschepper blaaskaak praatjesmaker windbuil patser snob
    hypocriet huichelaar leugenaar bedrieger oplichter manipulator intrigant verrader judas
    roddelaar kletskous kletsmajoor klikspaan
    aansteller dramaqueen huilebalk psychopaat sociopaat zakkenvuller graaier moraalridder zedenpreker
    """.split()
) | frozenset(("control freak", "drama queen", "kleine napoleon", "houten klaas", "zak hooi", "slome duikelaar"))

#: Praise of someone's conduct as a verdict: "heel verstandig", "de juiste keuze", "goed gedaan".
NL_POSITIVE_VERDICTS: frozenset[str] = frozenset(
    """
    goed goede prima uitstekend uitstekende perfect perfecte top toppie super knap knappe
    slim slimme wijs wijze verstandig verstandige terecht terechte juist juiste correct correcte
    sterk sterke moedig moedige dapper dappere gedurfd gedurfde stoer stoere heldhaftig heldhaftige
    professioneel professionele netjes keurig keurige voorbeeldig voorbeeldige zorgvuldig zorgvuldige
    doordacht doordachte verantwoord verantwoorde adequaat adequate passend passende gepast gepaste
    consequent consequente daadkrachtig daadkrachtige krachtig krachtige assertief assertieve
    integer integere respectvol respectvolle bewonderenswaardig bewonderenswaardige
    briljant briljante geniaal geniale fantastisch fantastische geweldig geweldige
    chapeau bravo
    """.split()
) | frozenset(
    (
        "de juiste keuze",
        "de goede keuze",
        "de juiste beslissing",
        "de goede beslissing",
        "een goede zet",
        "een slimme zet",
        "een sterke zet",
        "goed gedaan",
        "knap gedaan",
        "netjes gedaan",
        "sterk gedaan",
        "slim gedaan",
        "goed gehandeld",
        "goed gezien",
        "goed bezig",
        "goed zo",
        "goed van je",
        "slim van je",
        "sterk van je",
        "knap van je",
        "helemaal terecht",
        "groot gelijk",
        "helemaal goed",
        "precies goed",
        "petje af",
        "slim bekeken",
    )
)

#: Sympathy about a situation: "wat vervelend", "rot voor je", "wat een gedoe".
NL_EMPATHY_WORDS: frozenset[str] = frozenset(
    """
    vervelend vervelende rot rottig naar nare akelig akelige heftig heftige pittig pittige
    zwaar zware lastig lastige moeilijk moeilijke ingewikkeld ingewikkelde druk hectisch hectische
    balen jammer pech sneu zielig triest treurig verdrietig pijnlijk pijnlijke kwetsend
    ellendig ellendige beroerd belabberd klote kut
    frustrerend frustrerende irritant irritante ergerlijk ergerlijke teleurstellend
    vermoeiend vermoeiende uitputtend slopend slopende intens intense stressvol stressig
    spannend eng onprettig ongemakkelijk ongemakkelijke confronterend verwarrend schrijnend
    machteloos eenzaam uitzichtloos onhoudbaar onwerkbaar rampzalig gekmakend chaotisch
    gedoe toestand heisa ellende rotsituatie klotesituatie kutsituatie rotweek rotdag rotjaar rotklus
    nachtmerrie ramp drama puinhoop chaos crisis klap dreun domper tegenvaller teleurstelling
    schok schrik verdriet pijn gemis verlies strijd worsteling dilemma spagaat kluif opgave uitdaging
    sterkte jeetje tjonge oef
    """.split()
) | frozenset(
    (
        "wat erg",
        "wat naar",
        "wat vervelend",
        "wat een gedoe",
        "wat een toestand",
        "rot voor je",
        "naar voor je",
        "vervelend voor je",
        "dat is balen",
        "dat klinkt zwaar",
        "dat lijkt me zwaar",
        "dat lijkt me pittig",
        "sterkte ermee",
    )
)

#: Imperatives (the stem) that tell the inbrenger what to do: "bel de huisarts", "plan een gesprek".
NL_IMPERATIVE_VERBS: frozenset[str] = frozenset(
    """
    bel app mail sms whatsapp stuur verstuur schrijf meld zeg vraag spreek praat overleg bespreek
    kaart benoem erken bedank complimenteer informeer verwittig attendeer waarschuw confronteer spiegel
    corrigeer reageer antwoord nodig betrek raadpleeg consulteer contacteer benader verwijs rapporteer
    signaleer escaleer agendeer communiceer onderhandel koppel herhaal benadruk
    eis claim weiger protesteer klaag dreig daag dien teken vecht verdedig bescherm bewaak handhaaf
    vergeef vergeet negeer accepteer aanvaard relativeer slik respecteer waardeer beloon straf
    herinner onthoud leg geef toon laat help steun begeleid instrueer leer oefen bereid
    regel plan organiseer prioriteer prioritiseer structureer coördineer coordineer faciliteer
    delegeer verdeel besteed draag schrap schuif verplaats annuleer boek reserveer blokkeer prik zet
    hou houd blijf wees neem pak haal breng koop huur betaal zoek kies beslis besluit bepaal
    formuleer definieer trek stop kap start begin probeer test experimenteer evalueer analyseer
    onderzoek inventariseer verken check controleer verifieer documenteer registreer noteer archiveer
    bewaar verzamel lees bestudeer volg luister let zorg gun geniet ontspan slaap eet drink beweeg
    wandel mediteer adem tel lach glimlach stap loop draai wissel ruil switch verander herzie
    heroverweeg overweeg bedenk overdenk reflecteer focus concentreer richt investeer benut gebruik
    maak creëer creeer schep bouw ontwikkel verbeter versterk verminder verlaag verhoog beperk
    vermijd ontwijk voorkom sluit verbreek beëindig beeindig verlaat ontsla schors verhuis solliciteer
    lever verwijder orden sorteer splits knip hak combineer bundel vereenvoudig automatiseer
    standaardiseer stroomlijn formaliseer hanteer voer leid sta til schakel roep grijp treed snijd
    stip zwijg dwing forceer waag spring gooi breek doorbreek vertrouw geloof durf verzin lieg speel
    bezoek ontmoet vul weeg vergelijk verdiep observeer differentieer visualiseer motiveer stimuleer
    activeer reset fix skip pauzeer vertraag versnel onderneem handel
    """.split()
)


# --- English ----------------------------------------------------------------------------------------------

#: Negative traits of a person or their conduct: "she's so bossy", "that was careless of you".
EN_NEGATIVE_TRAITS: frozenset[str] = frozenset(
    """
    stupid dumb idiotic moronic foolish silly ridiculous laughable pathetic lame daft dopey dozy gormless
    dense thick dim dim-witted slow-witted brainless mindless clueless naive naïve gullible credulous
    ignorant oblivious misguided unwise ill-advised short-sighted
    lazy idle slack lax unmotivated apathetic indifferent uninterested disengaged half-hearted
    careless sloppy slapdash shoddy negligent thoughtless reckless rash impulsive hasty ill-considered
    irresponsible unprepared unfocused forgetful scatterbrained inattentive disorganised disorganized
    incompetent inept incapable unfit unqualified amateurish clumsy ham-fisted bumbling useless hopeless
    worthless inefficient ineffective ineffectual unprofessional
    unreliable flaky erratic untrustworthy dishonest deceitful lying sneaky devious underhand underhanded
    two-faced hypocritical insincere fake phony phoney shady slimy sleazy creepy backstabbing treacherous
    disloyal manipulative scheming calculating toxic
    weak spineless gutless cowardly wimpy wet soft timid passive submissive subservient servile
    sycophantic obsequious smarmy indecisive
    bossy domineering overbearing controlling authoritarian dictatorial tyrannical power-hungry
    micromanaging pushy aggressive hostile bullying abusive violent passive-aggressive
    nosy nosey meddling meddlesome interfering intrusive overprotective
    arrogant smug conceited vain pompous cocky overconfident big-headed self-righteous sanctimonious
    preachy holier-than-thou condescending patronising patronizing dismissive superior snobbish
    rude impolite discourteous disrespectful impertinent insolent cheeky blunt abrasive brusque curt
    snappy snippy tactless crude boorish obnoxious insufferable unbearable uncivil
    selfish self-centred self-centered egocentric egotistical narcissistic self-absorbed self-serving
    greedy stingy ungrateful entitled spoiled spoilt bratty
    cold aloof distant unapproachable callous heartless insensitive inconsiderate uncaring unkind mean
    nasty cruel vicious spiteful vindictive malicious petty small-minded narrow-minded closed-minded
    rigid inflexible dogmatic stubborn pig-headed obstinate uncooperative unhelpful obstructive
    unreasonable irrational defensive evasive
    childish immature infantile juvenile petulant sulky sullen whiny whingey moany needy clingy
    grumpy cranky moody hot-headed short-tempered volatile cynical sarcastic
    hysterical dramatic melodramatic overdramatic theatrical oversensitive hypersensitive touchy
    thin-skinned paranoid neurotic unhinged
    judgmental judgemental biased prejudiced bigoted racist sexist discriminatory
    inappropriate unacceptable shameful disgraceful outrageous unethical immoral corrupt
    """.split()
)

#: Nouns that label a person: "he's a bully", "she's such a pushover".
EN_INSULT_NOUNS: frozenset[str] = frozenset(
    """
    know-it-all smart-ass smartass busybody meddler micromanager nitpicker pedant jobsworth
    nag whiner moaner complainer grump grouch crybaby killjoy troublemaker stirrer
    bully tyrant dictator despot brute thug
    coward wimp wuss doormat pushover yes-man suck-up brown-noser bootlicker toady sycophant lackey
    slacker layabout freeloader sponger leech parasite loser bungler klutz amateur
    idiot moron fool imbecile nitwit dimwit halfwit numpty muppet clown buffoon dunce dope
    jerk prick asshole arsehole tosser wanker bastard bitch scumbag lowlife sleazebag creep
    oaf lout boor slob
    narcissist egomaniac egotist megalomaniac show-off braggart blowhard windbag bigmouth loudmouth
    snob diva brat hypocrite liar cheat cheater fraud phony phoney snake weasel rat backstabber traitor
    manipulator psychopath sociopath psycho nutcase nutter headcase lunatic maniac
    bigot racist sexist misogynist gossip harpy shrew battleaxe battle-axe miser scrooge tightwad
    penny-pincher snowflake
    """.split()
) | frozenset(
    (
        "control freak",
        "drama queen",
        "prima donna",
        "wet blanket",
        "slave driver",
        "smart alec",
        "scaredy cat",
        "stuffed shirt",
    )
)

#: Praise of someone's conduct as a verdict: "very sensible", "the right call", "spot on".
EN_POSITIVE_VERDICTS: frozenset[str] = frozenset(
    """
    good great excellent brilliant perfect superb fantastic amazing impressive admirable commendable
    smart clever wise sensible prudent shrewd astute savvy right correct fair reasonable justified
    appropriate professional mature responsible principled brave courageous bold gutsy heroic strong
    assertive thoughtful considerate tactful diplomatic measured honourable honorable
    spot-on kudos bravo
    """.split()
) | frozenset(
    (
        "spot on",
        "the right call",
        "the right thing",
        "the right decision",
        "the right choice",
        "the right move",
        "good call",
        "good move",
        "smart move",
        "wise move",
        "well done",
        "well handled",
        "nicely done",
        "good on you",
        "good for you",
        "fair play",
        "nice one",
        "nailed it",
        "way to go",
        "hats off",
    )
)

#: Sympathy about a situation: "what a nightmare", "that's rough", "how awful".
EN_EMPATHY_WORDS: frozenset[str] = frozenset(
    """
    nightmare rough awful tough hard difficult horrible terrible dreadful horrendous horrid miserable grim
    bleak painful hurtful upsetting distressing stressful exhausting draining tiring frustrating annoying
    irritating infuriating maddening disappointing disheartening discouraging demoralising demoralizing
    heartbreaking devastating gutting gutted sad unfortunate unlucky unfair bummer shame pity
    mess ordeal struggle hassle headache pain rubbish crap crappy shitty lousy rotten harsh brutal intense
    heavy overwhelming scary frightening daunting intimidating unsettling uncomfortable awkward confusing
    complicated messy tricky challenging lonely isolating powerless traumatic hellish hell torture
    catastrophe disaster chaos crisis drama minefield rollercoaster grind slog
    ouch oof ugh yikes
    """.split()
) | frozenset(
    (
        "that sucks",
        "poor you",
        "oh no",
        "sorry to hear",
        "rough patch",
        "uphill battle",
        "tough one",
        "hard one",
        "rough ride",
        "pain in the neck",
        "a lot to deal with",
    )
)

#: Base forms that tell the inbrenger what to do: "call her tomorrow", "delegate it", "book a meeting".
EN_IMPERATIVE_VERBS: frozenset[str] = frozenset(
    """
    call phone ring email mail text message ping whatsapp contact reach write send forward copy loop
    ask speak raise bring mention flag highlight point address tackle confront challenge push stand
    inform notify update warn remind chase follow nudge invite involve engage enlist consult
    meet visit sit grab discuss agree align negotiate demand insist request propose suggest offer
    report document record log note list track monitor measure review evaluate assess analyse analyze
    research investigate explore compare weigh google search read study learn prepare practise practice
    rehearse train reflect journal
    plan schedule reschedule book block set clear cancel postpone delay defer pause skip drop prioritise
    prioritize organise organize reorganise reorganize restructure rearrange simplify streamline automate
    delegate escalate outsource hand pass assign reassign redistribute divide split hire fire sack
    discipline
    decide choose pick define establish clarify draw limit reduce cut lower increase add include remove
    try start stop quit resign leave apply move transfer switch change rethink reconsider revisit
    reframe reset restart renegotiate consider
    take get give make keep put go run turn shut close unplug mute wrap finish complete submit file
    lodge complain sue seek find buy pay spend save invest
    accept embrace face own admit acknowledge apologise apologize forgive forget ignore avoid steer
    refuse decline reject resist protect defend guard shield distance
     praise compliment reward celebrate treat enjoy
    trust believe rely lean count stick stay remain
    help support coach mentor guide encourage motivate show allow
    sleep rest recharge unwind relax breathe calm meditate exercise eat drink listen
    focus concentrate remember
    fix solve sort handle deal step intervene mediate
    vent confide laugh shrug smile cheer lighten loosen slow hang swallow suck grow toughen bite pull
    be
    """.split()
)
