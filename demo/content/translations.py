"""Translations of a few demo pages, made in code the way a translator would in wagtail-localize.

Translated into Welsh and Arabic: the home page, the Swansea exhibition, Bradford's Stories of Sanctuary collection and
one of its stories. Translated into every language: "Share your story", the page people seeking sanctuary use, who may
read no English at all. Each dictionary is keyed on the exact source strings wagtail-localize extracts; any string not
listed (and every other page) stays in English. The translated story still says, in its own language, that it is a
sample written for the demo.
"""

from wagtail.models import Locale

from demo.content.build import child_by_slug
from demo.content.exhibitions import EXHIBITION
from demo.content.sections import SHARE_INTRO, SHARE_TITLE
from demo.content.stories import COLLECTIONS
from home.models import HomePage
from home.translation import translate

STORY_SLUG = "learning-the-bus-routes"  # told in Persian, so a Welsh or Arabic version is a translation
# Who translated the story, per language; an empty credit reads "a volunteer translator".
TRANSLATED_BY = {"cy": "Cerys (cyfieithydd gwirfoddol)", "ar": ""}

WELSH = {
    # Home page
    "Welcome to the City of Sanctuary network": "Croeso i rwydwaith Dinas Noddfa",
    "City of Sanctuary is a movement of towns and cities across the UK that are proud to welcome people seeking "
    "sanctuary, and to celebrate what refugees and asylum seekers bring to the places they now call home.": (
        "Mudiad o drefi a dinasoedd ledled y Deyrnas Unedig yw Dinas Noddfa, sy'n falch o groesawu pobl sy'n ceisio "
        "noddfa, ac o ddathlu'r hyn y mae ffoaduriaid a cheiswyr lloches yn ei gyfrannu at y lleoedd y maent bellach "
        "yn eu galw'n gartref."
    ),
    "Since 1999, people seeking asylum have been dispersed to towns and cities across the UK. It is often said that "
    "those cities have been indifferent or hostile. Yet every day there are acts of welcome in them, and the City of "
    "Sanctuary movement sets out to highlight and celebrate them.": (
        "Ers 1999, mae pobl sy'n ceisio lloches wedi cael eu gwasgaru i drefi a dinasoedd ledled y Deyrnas Unedig. "
        "Dywedir yn aml fod y dinasoedd hynny wedi bod yn ddifater neu'n elyniaethus. Eto i gyd, bob dydd mae "
        "gweithredoedd o groeso ynddynt, a nod mudiad Dinas Noddfa yw tynnu sylw atynt a'u dathlu."
    ),
    "The movement began in Sheffield in 2005. By November 2009 there were City of Sanctuary groups in fifteen towns "
    "and cities, from Swansea to Hull.": (
        "Dechreuodd y mudiad yn Sheffield yn 2005. Erbyn mis Tachwedd 2009 roedd grwpiau Dinas Noddfa mewn pymtheg o "
        "drefi a dinasoedd, o Abertawe i Hull."
    ),
    "It's brilliant work. It's bringing together locals and foreigners and saying look, we're human beings and we "
    "can live together, we have a lot to share and we can work together to make our city a better place for all of "
    "us.": (
        "Mae'n waith gwych. Mae'n dod â phobl leol a thramorwyr at ei gilydd ac yn dweud, edrychwch, bodau dynol "
        "ydyn ni a gallwn fyw gyda'n gilydd, mae gennym lawer i'w rannu a gallwn weithio gyda'n gilydd i wneud ein "
        "dinas yn lle gwell i bob un ohonom."
    ),
    "Georgian refugee, Sheffield": "Ffoadur o Georgia, Sheffield",
    "Find the City of Sanctuary group nearest to you.": "Dewch o hyd i'r grŵp Dinas Noddfa agosaf atoch chi.",
    "See the cities": "Gweld y dinasoedd",
    # Swansea exhibition
    "Building Sanctuary in Swansea": "Adeiladu Noddfa yn Abertawe",
    "Writing and images showing how refugees and asylum seekers have contributed to Swansea.": (
        "Ysgrifennu a delweddau sy'n dangos sut mae ffoaduriaid a cheiswyr lloches wedi cyfrannu at Abertawe."
    ),
    "<i>Building Sanctuary in Swansea</i> brings together writing and images that show how refugees and asylum "
    "seekers have contributed to the city: to its workshops and kitchens, its choirs and classrooms, and the way it "
    "looks at itself.": (
        "Mae <i>Adeiladu Noddfa yn Abertawe</i> yn dod ag ysgrifennu a delweddau ynghyd sy'n dangos sut mae "
        "ffoaduriaid a cheiswyr lloches wedi cyfrannu at y ddinas: at ei gweithdai a'i cheginau, ei chorau a'i "
        "hystafelloedd dosbarth, a'r ffordd y mae'n edrych arni ei hun."
    ),
    "We asked people who came to Swansea seeking sanctuary, and the neighbours who welcomed them, what they have "
    "built here together. Their answers are in the rooms that follow.": (
        "Gofynnon ni i bobl a ddaeth i Abertawe i geisio noddfa, ac i'r cymdogion a'u croesawodd, beth maen nhw "
        "wedi'i adeiladu yma gyda'i gilydd. Mae eu hatebion yn yr ystafelloedd sy'n dilyn."
    ),
    "The exhibition is named in an article about the City of Sanctuary movement. The exhibits on this demo site are "
    "samples written for the demo: they are not the original exhibits.": (
        "Enwir yr arddangosfa mewn erthygl am fudiad Dinas Noddfa. Mae'r arddangosion ar y wefan arddangos hon yn "
        "enghreifftiau a ysgrifennwyd ar gyfer yr arddangosiad: nid yr arddangosion gwreiddiol mohonynt."
    ),
    "A community gallery, Swansea city centre": "Oriel gymunedol, canol dinas Abertawe",
    "An abstract picture in sea blue and sand yellow, like Swansea Bay at dusk.": (
        "Llun haniaethol mewn glas y môr a melyn y tywod, fel Bae Abertawe yn y cyfnos."
    ),
    # Bradford's Stories of Sanctuary
    "Stories of Sanctuary": "Straeon Noddfa",
    "At Bradford's Stories of Sanctuary evening, refugees and asylum seekers told their experiences to new "
    "audiences. The stories in this collection are samples written for the demo site, not real people's stories.": (
        "Yn noson Straeon Noddfa Bradford, adroddodd ffoaduriaid a cheiswyr lloches eu profiadau wrth "
        "gynulleidfaoedd newydd. Enghreifftiau a ysgrifennwyd ar gyfer y wefan arddangos yw'r straeon yn y casgliad "
        "hwn, nid straeon pobl go iawn."
    ),
    # The story
    "Learning the bus routes": "Dysgu llwybrau'r bysiau",
    "Lost on the first day with a small son, and a bus driver who made sure it did not happen again.": (
        "Ar goll ar y diwrnod cyntaf gyda mab bach, a gyrrwr bws a wnaeth yn siŵr na fyddai'n digwydd eto."
    ),
    "This is a sample written for the demo of this website. It is not a real person's story.": (
        "Enghraifft a ysgrifennwyd ar gyfer fersiwn arddangos y wefan hon yw hon. Nid stori person go iawn mohoni."
    ),
    "In my first week I took the wrong bus three times, with my son asleep on my shoulder. Every street looked the "
    "same to me in the rain.": (
        "Yn fy wythnos gyntaf fe gymerais y bws anghywir dair gwaith, gyda fy mab yn cysgu ar fy ysgwydd. Roedd pob "
        "stryd yn edrych yr un fath i mi yn y glaw."
    ),
    "The third time, the driver stopped the engine at the terminus and asked where we were going. He wrote the "
    "number of the bus and the name of our stop on the back of a ticket, and told me to show it to any driver. I "
    "still keep that ticket in my purse.": (
        "Y trydydd tro, diffoddodd y gyrrwr yr injan ym mhen draw'r daith a gofyn i ble roedden ni'n mynd. "
        "Ysgrifennodd rif y bws ac enw ein harhosfan ar gefn tocyn, a dweud wrtha i am ei ddangos i unrhyw yrrwr. "
        "Rwy'n dal i gadw'r tocyn hwnnw yn fy mhwrs."
    ),
    "Told in Persian and translated into English.": "Adroddwyd ym Mhersieg a'i chyfieithu i'r Saesneg.",
}

ARABIC = {
    # Home page
    "Welcome to the City of Sanctuary network": "مرحبًا بكم في شبكة مدينة الملاذ",
    "City of Sanctuary is a movement of towns and cities across the UK that are proud to welcome people seeking "
    "sanctuary, and to celebrate what refugees and asylum seekers bring to the places they now call home.": (
        "مدينة الملاذ حركة تضم بلدات ومدنًا في أنحاء المملكة المتحدة تفخر بالترحيب بالأشخاص الباحثين عن الملاذ، "
        "وبالاحتفاء بما يقدّمه اللاجئون وطالبو اللجوء للأماكن التي صاروا يعدّونها اليوم بيتًا لهم."
    ),
    "Since 1999, people seeking asylum have been dispersed to towns and cities across the UK. It is often said that "
    "those cities have been indifferent or hostile. Yet every day there are acts of welcome in them, and the City of "
    "Sanctuary movement sets out to highlight and celebrate them.": (
        "منذ عام 1999 يُوزَّع طالبو اللجوء على بلدات ومدن في أنحاء المملكة المتحدة. وكثيرًا ما يُقال إن تلك المدن "
        "كانت غير مبالية أو معادية. ومع ذلك تشهد هذه المدن كل يوم أفعالًا من الترحيب، وتسعى حركة مدينة الملاذ إلى "
        "إبرازها والاحتفاء بها."
    ),
    "The movement began in Sheffield in 2005. By November 2009 there were City of Sanctuary groups in fifteen towns "
    "and cities, from Swansea to Hull.": (
        "بدأت الحركة في شيفيلد عام 2005. وبحلول نوفمبر 2009 كانت هناك مجموعات لمدينة الملاذ في خمس عشرة بلدة "
        "ومدينة، من سوانزي إلى هال."
    ),
    "It's brilliant work. It's bringing together locals and foreigners and saying look, we're human beings and we "
    "can live together, we have a lot to share and we can work together to make our city a better place for all of "
    "us.": (
        "إنه عمل رائع. إنه يجمع أهل البلد والأجانب معًا ويقول: انظروا، نحن بشر ويمكننا أن نعيش معًا، لدينا الكثير "
        "لنتشاركه ويمكننا أن نعمل معًا لنجعل مدينتنا مكانًا أفضل لنا جميعًا."
    ),
    "Georgian refugee, Sheffield": "لاجئ جورجي، شيفيلد",
    "Find the City of Sanctuary group nearest to you.": "اعثر على أقرب مجموعة من مجموعات مدينة الملاذ إليك.",
    "See the cities": "استعرض المدن",
    # Swansea exhibition
    "Building Sanctuary in Swansea": "بناء الملاذ في سوانزي",
    "Writing and images showing how refugees and asylum seekers have contributed to Swansea.": (
        "نصوص وصور تُظهر كيف أسهم اللاجئون وطالبو اللجوء في مدينة سوانزي."
    ),
    "<i>Building Sanctuary in Swansea</i> brings together writing and images that show how refugees and asylum "
    "seekers have contributed to the city: to its workshops and kitchens, its choirs and classrooms, and the way it "
    "looks at itself.": (
        "يجمع معرض <i>بناء الملاذ في سوانزي</i> نصوصًا وصورًا تُظهر كيف أسهم اللاجئون وطالبو اللجوء في المدينة: "
        "في ورشها ومطابخها، وجوقاتها وفصولها الدراسية، وفي الطريقة التي تنظر بها إلى نفسها."
    ),
    "We asked people who came to Swansea seeking sanctuary, and the neighbours who welcomed them, what they have "
    "built here together. Their answers are in the rooms that follow.": (
        "سألنا أشخاصًا جاؤوا إلى سوانزي بحثًا عن الملاذ، والجيران الذين رحّبوا بهم، عمّا بنوه هنا معًا. وتجدون "
        "إجاباتهم في القاعات التالية."
    ),
    "The exhibition is named in an article about the City of Sanctuary movement. The exhibits on this demo site are "
    "samples written for the demo: they are not the original exhibits.": (
        "ورد اسم المعرض في مقال عن حركة مدينة الملاذ. أما المعروضات على هذا الموقع التجريبي فهي نماذج كُتبت للعرض "
        "التجريبي، وليست المعروضات الأصلية."
    ),
    "A community gallery, Swansea city centre": "قاعة عرض مجتمعية، وسط مدينة سوانزي",
    "An abstract picture in sea blue and sand yellow, like Swansea Bay at dusk.": (
        "صورة تجريدية بلونَي أزرق البحر وأصفر الرمل، كخليج سوانزي عند الغسق."
    ),
    # Bradford's Stories of Sanctuary
    "Stories of Sanctuary": "قصص الملاذ",
    "At Bradford's Stories of Sanctuary evening, refugees and asylum seekers told their experiences to new "
    "audiences. The stories in this collection are samples written for the demo site, not real people's stories.": (
        "في أمسية «قصص الملاذ» في برادفورد، روى لاجئون وطالبو لجوء تجاربهم أمام جماهير جديدة. القصص في هذه "
        "المجموعة نماذج كُتبت للموقع التجريبي، وليست قصص أشخاص حقيقيين."
    ),
    # The story
    "Learning the bus routes": "تعلُّم خطوط الحافلات",
    "Lost on the first day with a small son, and a bus driver who made sure it did not happen again.": (
        "ضياعٌ في اليوم الأول مع ابن صغير، وسائق حافلة حرص على ألّا يتكرر ذلك."
    ),
    "This is a sample written for the demo of this website. It is not a real person's story.": (
        "هذه قصة نموذجية كُتبت للنسخة التجريبية من هذا الموقع. وهي ليست قصة شخص حقيقي."
    ),
    "In my first week I took the wrong bus three times, with my son asleep on my shoulder. Every street looked the "
    "same to me in the rain.": (
        "في أسبوعي الأول ركبتُ الحافلة الخطأ ثلاث مرات، وابني نائم على كتفي. كانت كل الشوارع تبدو لي متشابهة تحت المطر."
    ),
    "The third time, the driver stopped the engine at the terminus and asked where we were going. He wrote the "
    "number of the bus and the name of our stop on the back of a ticket, and told me to show it to any driver. I "
    "still keep that ticket in my purse.": (
        "في المرة الثالثة أطفأ السائق المحرك في المحطة الأخيرة وسألنا إلى أين نحن ذاهبون. كتب رقم الحافلة واسم "
        "محطتنا على ظهر تذكرة، وقال لي أن أُريها لأي سائق. ما زلت أحتفظ بتلك التذكرة في محفظتي."
    ),
    "Told in Persian and translated into English.": "رُويت بالفارسية وتُرجمت إلى الإنجليزية.",
}

TRANSLATIONS = {"cy": WELSH, "ar": ARABIC}

# "Share your story": its title and intro, in every language but the source.
SHARE_YOUR_STORY = {
    "cy": (
        "Rhannwch eich stori",
        "Os ydych chi wedi ceisio noddfa yn y Deyrnas Unedig, gallwch adrodd eich stori yma, yn eich iaith eich hun "
        "ac o dan yr enw a ddewiswch. Mae ein cymedrolwyr yn darllen pob stori cyn iddi gael ei chyhoeddi, a gallwch "
        "ei thynnu'n ôl unrhyw bryd gyda'r ddolen breifat a gewch.",
    ),
    "ar": (
        "شارك قصتك",
        "إذا كنت قد طلبت الملاذ في المملكة المتحدة، يمكنك أن تروي قصتك هنا، بلغتك وتحت الاسم الذي تختاره. يقرأ "
        "المشرفون لدينا كل قصة قبل نشرها، ويمكنك سحبها في أي وقت من خلال الرابط الخاص الذي ستحصل عليه.",
    ),
    "fa": (
        "داستان خود را بازگو کنید",
        "اگر در بریتانیا در جست‌وجوی پناه بوده‌اید، می‌توانید داستان خود را اینجا، به زبان خودتان و با نامی که خودتان "
        "برمی‌گزینید، بازگو کنید. ناظران ما هر داستان را پیش از انتشار می‌خوانند، و شما می‌توانید هر زمان که بخواهید "
        "با پیوند خصوصی‌ای که به شما داده می‌شود، آن را پس بگیرید.",
    ),
    "ckb": (
        "چیرۆکەکەت بگێڕەوە",
        "ئەگەر لە بەریتانیا بەدوای پەناگەدا گەڕاویت، دەتوانیت لێرە چیرۆکەکەت بگێڕیتەوە، بە زمانی خۆت و بەو ناوەی "
        "خۆت هەڵیدەبژێریت. چاودێرەکانمان هەموو چیرۆکێک پێش بڵاوکردنەوەی دەخوێننەوە، و دەتوانیت لە هەر کاتێکدا "
        "بە بەستەرە تایبەتەکەی پێت دەدرێت بیکشێنیتەوە.",
    ),
    "ps": (
        "خپله کیسه شریکه کړئ",
        "که تاسو په بریتانیا کې د پناه په لټه کې یاست یا وئ، دلته کولای شئ خپله کیسه په خپله ژبه او په هغه نوم "
        "ووایاست چې تاسو یې غوره کوئ. زموږ څارونکي هره کیسه له خپرېدو مخکې لولي، او تاسو کولای شئ هر وخت هغه "
        "د هغې شخصي لینک له لارې بېرته واخلئ چې تاسو ته به درکړل شي.",
    ),
    "ti": (
        "ዛንታኹም ኣካፍሉ",
        "ኣብ ዓባይ ብሪጣንያ ዑቕባ ሓቲትኩም እንተ ኔርኩም፡ ዛንታኹም ኣብዚ ብቛንቋኹምን ብእትመርጽዎ ስምን ክትነግሩ ትኽእሉ "
        "ኢኹም። ኣለይቲ መርበብና ነፍሲ ወከፍ ዛንታ ቅድሚ ምሕታማ የንብብዋ፡ ንስኹም ድማ ብቲ ዝወሃበኩም ብሕታዊ መላግቦ ኣብ "
        "ዝኾነ ይኹን እዋን ክተስሕብዋ ትኽእሉ ኢኹም።",
    ),
    "uk": (
        "Поділіться своєю історією",
        "Якщо ви шукали притулку у Великій Британії, ви можете розповісти тут свою історію — своєю мовою та під "
        "ім'ям, яке оберете самі. Наші модератори читають кожну історію перед публікацією, а ви можете будь-коли "
        "відкликати її за приватним посиланням, яке отримаєте.",
    ),
}


def demo_pages(home, hubs):
    """The source pages to translate, parents before children (a translation needs its parent in the locale)."""
    exhibition = child_by_slug(hubs["swansea"], EXHIBITION["slug"])
    collection = child_by_slug(hubs["bradford"], COLLECTIONS["bradford"]["slug"])
    story = child_by_slug(collection, STORY_SLUG)
    return [home, exhibition, collection, story]


def has_translation(page, locale):
    """True when ``page`` has a real translation (not an alias) in ``locale``."""
    return page.get_translations().filter(locale=locale, alias_of_id__isnull=True).exists()


def translations_to_make(home, hubs):
    """(page, language code, its strings) for every demo translation, parents before children."""
    for page in demo_pages(home, hubs):
        for language_code, strings in TRANSLATIONS.items():
            yield page, language_code, strings
    share = child_by_slug(home, "share-your-story")
    for language_code, (title, intro) in SHARE_YOUR_STORY.items():
        yield share, language_code, {SHARE_TITLE: title, SHARE_INTRO: intro}


def ensure_translations(home, hubs):
    """Translate the demo pages, once: an existing translation is left as it is."""
    home = HomePage.objects.get(id=home.id)  # fresh: its body was written after it was passed around
    created = 0
    for page, language_code, strings in translations_to_make(home, hubs):
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is None or has_translation(page, locale):
            continue  # a language this installation does not use, or already translated
        translated = translate(page, language_code, strings.get, publish=False)
        draft = translated.get_latest_revision_as_object()
        if hasattr(draft, "translated_by"):
            draft.translated_by = TRANSLATED_BY.get(language_code, "")
        draft.save_revision().publish()
        created += 1
    return created
