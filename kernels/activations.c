/* Activation metadata: expands include/actbench_activations.def. */
#include <string.h>

#include "actbench.h"

static const actbench_activation_info activations[ACTBENCH_ACT_COUNT] = {
#define ACTBENCH_ACTIVATION(id, name, rowwise, alpha, formula)                  \
    {ACTBENCH_##id, name, rowwise, alpha, formula},
#include "actbench_activations.def"
#undef ACTBENCH_ACTIVATION
};

const actbench_activation_info *actbench_activation(actbench_act act)
{
    if ((unsigned)act >= ACTBENCH_ACT_COUNT)
        return NULL;
    return &activations[act];
}

const actbench_activation_info *actbench_activation_by_name(const char *name)
{
    for (int i = 0; i < ACTBENCH_ACT_COUNT; i++)
        if (strcmp(activations[i].name, name) == 0)
            return &activations[i];
    /* Keras spells x*sigmoid(x) both ways. */
    if (strcmp(name, "silu") == 0)
        return &activations[ACTBENCH_SWISH];
    return NULL;
}

actbench_params actbench_default_params(actbench_act act)
{
    actbench_params p = {0.0f, 0};
    if ((unsigned)act < ACTBENCH_ACT_COUNT)
        p.alpha = activations[act].default_alpha;
    return p;
}
