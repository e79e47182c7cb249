/**
 * Spanish version of the built-in playbook: same ids, structure, priorities and cooldowns as
 * `default-playbook.ts`, so logs and dashboards compare across languages. Keywords are Spanish (customers
 * write in their language; matching ignores accents, so "devolucion" matches "devolución").
 * Spanish greets without a name rather than "Hola, ahí": the firstName fallback is empty.
 */
import { deepFreeze } from './freeze';
import type { Condition, Playbook } from './types';

const CALM: Condition = {
  all: [
    {
      not: {
        customerSays: {
          any: [
            'enfadado',
            'enfadada',
            'enojado',
            'enojada',
            'furioso',
            'furiosa',
            'ridiculo',
            'inaceptable',
            'cancelar',
            'reembolso ya',
            'queja',
            'abogado',
            'lo peor',
            'nunca mas',
            'perdida de tiempo',
            'harto',
            'harta',
            'indignado',
            'indignada',
          ],
        },
      },
    },
    { not: { tags: { any: ['escalated', 'complaint', 'legal', 'chargeback'] } } },
    { not: { priorOutcome: { outcome: ['declined'], withinDays: 14 } } },
    { priorAttempts: { withinDays: 90, lte: 3 } },
  ],
};

const NOT_RUSHED: Condition = {
  not: { customerSays: { any: ['tengo prisa', 'con prisa', 'no tengo tiempo', 'urgente', 'rapido por favor', 'me tengo que ir'] } },
};

export const DEFAULT_PLAYBOOK_ES: Playbook = deepFreeze({
  id: 'resolve-plus-default',
  name: 'Primero resolver, luego aportar valor',
  version: 1,
  locale: 'es',
  appliesTo: {},
  settings: { veCooldownDays: 7, maxMovesShown: 2 },
  checklist: [
    {
      id: 'greet',
      title: 'Saluda y resume el problema',
      help: 'Usa su nombre y repite el problema en una frase, para que sepa que lo has entendido a la primera.',
      required: true,
      autoComplete: { agentSays: { any: ['gracias por contactar', 'gracias por escribirnos', 'gracias por ponerte en contacto', 'encantado de ayudarte', 'encantada de ayudarte'] } },
    },
    {
      id: 'verify',
      title: 'Revisa la cuenta o el pedido',
      help: 'Comprueba lo que puedes ver por tu cuenta antes de preguntar: cada pregunta que te ahorras es esfuerzo que le ahorras al cliente.',
      required: true,
    },
    {
      id: 'answer-all',
      title: 'Responde a todas las preguntas del correo',
      help: 'Relee el correo antes de contestar. Una pregunta sin respuesta significa un segundo contacto, la mayor fuente de esfuerzo para el cliente.',
      required: true,
      when: { channel: ['email'] },
    },
    {
      id: 'resolve',
      title: 'Resuelve el problema en este contacto',
      help: 'Resuélvelo ahora si puedes. Si necesita a otra persona, hazte cargo del traspaso y di exactamente qué pasará y cuándo.',
      required: true,
      autoComplete: {
        agentSays: { any: ['ya lo he solucionado', 'ya esta solucionado', 'ya esta resuelto', 'he procesado', 'ha sido procesado', 'ya esta en camino', 'he restablecido'] },
      },
    },
    {
      id: 'confirm-fixed',
      title: 'Confirma con el cliente que está resuelto',
      help: 'Pregunta «¿Con esto queda resuelto?» y espera un sí. Las sugerencias de valor aparecen después de este paso.',
      required: true,
      confirmsResolution: true,
      autoComplete: {
        any: [
          { status: ['solved'] },
          {
            agentSays: {
              any: ['algo mas', 'alguna otra cosa', 'queda resuelto', 'se ha solucionado', 'ya funciona', 'te puedo ayudar en algo', 'puedo ayudarte en algo'],
            },
          },
        ],
      },
    },
    {
      id: 'next-steps',
      title: 'Explica qué pasa ahora',
      help: 'Seguimiento del envío, plazos del reembolso, qué hacer si vuelve a ocurrir: así no tendrá que volver a escribir para saberlo.',
      required: false,
    },
    {
      id: 'way-back',
      title: 'Dale un camino de vuelta',
      help: 'Dile que puede responder a esta conversación (o indicar el número de ticket) y nos llegará directamente.',
      required: false,
    },
    {
      id: 'phone-recap',
      title: 'Resume la solución antes de colgar',
      help: 'Por teléfono nada queda por escrito: resume lo que has hecho y qué debe esperar.',
      required: false,
      when: { channel: ['phone'] },
    },
  ],
  moves: [
    {
      id: 'warranty-reassurance',
      kind: 'confidence',
      title: 'Tranquilízale sobre la garantía',
      text: 'Para que lo sepas: {product} está cubierto por nuestra garantía, así que si vuelve a pasar algo así, responde aquí y lo arreglaremos enseguida. Esto ha sido algo puntual, no lo que debes esperar.',
      when: {
        all: [
          CALM,
          {
            any: [
              { tags: { any: ['damaged', 'defective', 'broken', 'warranty', 'replacement'] } },
              { customerSays: { any: ['roto', 'rota', 'se rompio', 'rompio', 'dañado', 'dañada', 'defectuoso', 'defectuosa', 'no funciona', 'dejo de funcionar', 'llego dañado'] } },
            ],
          },
        ],
      },
      priority: 80,
      cooldownDays: 60,
      why: 'Después de un fallo, saber qué pasará la próxima vez devuelve la confianza en la compra.',
    },
    {
      id: 'onboarding-setup-tip',
      kind: 'usage-tip',
      title: 'Consejo de configuración para un cliente nuevo',
      text: 'Como acabas de empezar: la configuración rápida lleva unos cinco minutos y hace que {product} sea mucho más fácil de usar. ¿Quieres que te indique dónde está?',
      when: {
        all: [CALM, NOT_RUSHED, { tags: { any: ['new-customer', 'onboarding', 'first-order', 'new-account'] } }],
      },
      priority: 70,
      cooldownDays: 30,
      why: 'Los clientes nuevos que lo configuran bien desde el principio le sacan más partido y nos necesitan menos.',
    },
    {
      id: 'right-plan',
      kind: 'confidence',
      title: 'Confirma que tiene el plan adecuado',
      text: 'Mientras tenía tu cuenta abierta lo he comprobado: el plan que tienes encaja con el uso que le das, así que no te falta nada de lo que necesitas. Si tus necesidades cambian, pregúntanos y lo revisamos juntos.',
      when: {
        all: [CALM, { stepDone: 'verify' }, { customerSays: { any: ['plan', 'suscripcion', 'factura*', 'cobro*', 'tipo de cuenta', 'licencia*'] } }],
      },
      priority: 60,
      cooldownDays: 90,
      why: 'Las dudas sobre planes o facturas suelen esconder una duda sobre la compra; confirmar que encaja la resuelve.',
    },
    {
      id: 'setup-correct',
      kind: 'confidence',
      title: 'Confirma que está bien configurado',
      text: 'Lo he comprobado y todo está bien configurado por tu parte, así que puedes seguir usándolo con total confianza. ¡Buen trabajo con la configuración!',
      when: {
        all: [CALM, { stepDone: 'verify' }, { customerSays: { any: ['configur*', 'instal*', 'conect*', 'sincroniz*', 'emparej*', 'vincul*'] } }],
      },
      priority: 55,
      cooldownDays: 30,
      why: 'Tras un problema de configuración, oír «lo hiciste bien» elimina la duda que queda.',
    },
    {
      id: 'related-feature',
      kind: 'usage-tip',
      title: 'Muestra una función relacionada',
      text: 'Ya que estás: {product} tiene una función relacionada que suele venir muy bien a quien pregunta por esto. ¿Te explico en dos pasos cómo usarla?',
      when: {
        all: [CALM, NOT_RUSHED, { customerSays: { any: ['como puedo', 'como hago', 'hay alguna forma', 'hay manera', 'donde puedo', 'se puede', 'funcion', 'opcion'] } }],
      },
      priority: 50,
      cooldownDays: 30,
      why: 'Ya está pensando en esta parte del producto; una función cercana le ayuda a conseguir más.',
    },
    {
      id: 'time-saving-shortcut',
      kind: 'usage-tip',
      title: 'Comparte un atajo que ahorra tiempo',
      text: 'Una cosa más que puede ahorrarte tiempo: no hace falta hacerlo paso a paso cada vez, {product} puede hacerlo de una sola vez. ¿Quieres que te enseñe cómo?',
      when: {
        all: [CALM, { customerSays: { any: ['cada vez', 'a mano', 'manualmente', 'uno por uno', 'una por una', 'tarda muchisimo', 'es un rollo', 'una y otra vez'] } }],
      },
      priority: 48,
      cooldownDays: 30,
      why: 'Ha descrito que hace algo por el camino lento; un atajo es valor que notará la próxima vez.',
    },
    {
      id: 'others-achieve',
      kind: 'confidence',
      title: 'Cuenta lo que consiguen otros clientes',
      text: 'Estás en buena compañía: los clientes que usan {product} como tú nos cuentan que les ahorra tiempo cada semana. Lo tienes bien planteado.',
      when: {
        all: [CALM, { customerSays: { any: ['merece la pena', 'vale la pena', 'no estoy seguro', 'no estoy segura', 'me arrepiento', 'tengo mis dudas', 'me lo quedo', 'devolverlo'] } }],
      },
      priority: 40,
      cooldownDays: 60,
      why: 'Ha expresado una duda sobre la compra; saber que gente como él o ella lo aprovecha la resuelve.',
    },
    {
      id: 'care-tip',
      kind: 'usage-tip',
      title: 'Consejo de cuidado para que dure',
      text: 'Un consejo para que {product} siga como nuevo: dale una limpieza rápida después de cada uso, cuando todavía es fácil, y echa un vistazo de vez en cuando a la sección de cuidados del manual. Marca una gran diferencia en lo que dura.',
      when: {
        all: [
          CALM,
          NOT_RUSHED,
          {
            any: [
              { tags: { any: ['hardware', 'appliance', 'device', 'kitchen'] } },
              { customerSays: { any: ['limpi*', 'lavar', 'lavavajillas', 'cal', 'batido*', 'licua*', 'zumo*', 'filtro*'] } },
            ],
          },
        ],
      },
      priority: 45,
      cooldownDays: 60,
      why: 'En productos físicos, los consejos de cuidado ayudan a sacar más partido a la compra durante más tiempo.',
    },
    {
      id: 'loyal-thanks',
      kind: 'confidence',
      title: 'Agradece a un cliente de largo recorrido',
      text: 'Gracias por seguir con nosotros tanto tiempo: las opiniones de clientes como tú son lo que hace que {product} siga mejorando. Aquí estamos para lo que necesites.',
      when: { all: [CALM, { tags: { any: ['vip', 'loyal', 'long-term-customer'] } }] },
      priority: 42,
      cooldownDays: 90,
      why: 'Los clientes de siempre valoran que se les reconozca; reafirma una decisión que siguen tomando.',
    },
    {
      id: 'help-centre',
      kind: 'usage-tip',
      title: 'Indica el centro de ayuda',
      text: 'Si vuelve a surgir, nuestro centro de ayuda tiene una guía paso a paso y está disponible a cualquier hora: busca el tema y lo encontrarás en segundos, sin esperar a que te respondamos.',
      when: {
        all: [CALM, { channel: ['chat', 'email'] }, { customerSays: { any: ['como se', 'como hago', 'guia', 'instrucciones', 'manual', 'tutorial', 'paso a paso', 'otra vez'] } }],
      },
      priority: 30,
      cooldownDays: 45,
      why: 'Un autoservicio en el que confía reduce el esfuerzo la próxima vez; la mitad de los clientes lo prefiere.',
    },
  ],
}) satisfies Playbook;
