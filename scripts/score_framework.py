#!/usr/bin/env python3
"""Score a framework's activations with actbench (issue 7, "bring your own outputs").

Writes actbench's standard input set (actbench accuracy --write-inputs), runs
each activation through PyTorch and/or TensorFlow on the CPU in float32, and
has actbench score the outputs against GNU MPFR (accuracy --inputs --outputs).
Frameworks that are not installed are skipped with a message.  "python-math"
(Python's math module in double, rounded to float) needs nothing and checks
the pipeline itself.

usage: scripts/score_framework.py [--framework torch,tensorflow,python-math]
           [--act LIST] [--samples N] [--actbench build/actbench] [--out FILE.csv]
"""
import argparse
import array
import math
import os
import subprocess
import sys
import tempfile

ELEMENTWISE = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "swish", "gelu",
               "gelu_tanh", "softplus", "softsign", "mish", "relu6", "hard_sigmoid",
               "hard_swish", "exponential"]


def torch_functions():
    import torch
    import torch.nn.functional as F
    torch.set_num_threads(1)
    fns = {
        "sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
        "leaky_relu": lambda x: F.leaky_relu(x, 0.2), "elu": F.elu, "selu": F.selu,
        "swish": F.silu, "gelu": F.gelu, "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
        "softplus": F.softplus, "softsign": F.softsign, "mish": F.mish, "relu6": F.relu6,
        "hard_sigmoid": F.hardsigmoid, "hard_swish": F.hardswish, "exponential": torch.exp,
    }

    def run(name, xs):
        with torch.no_grad():
            t = torch.frombuffer(bytearray(xs.tobytes()), dtype=torch.float32)
            return array.array("f", fns[name](t).numpy().tobytes())
    return "torch-" + torch.__version__, fns.keys(), run


def tensorflow_functions():
    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(1)
    fns = {
        "sigmoid": tf.math.sigmoid, "tanh": tf.math.tanh, "relu": tf.nn.relu,
        "leaky_relu": lambda x: tf.nn.leaky_relu(x, 0.2), "elu": tf.nn.elu, "selu": tf.nn.selu,
        "swish": tf.nn.silu, "gelu": lambda x: tf.nn.gelu(x, approximate=False),
        "gelu_tanh": lambda x: tf.nn.gelu(x, approximate=True), "softplus": tf.math.softplus,
        "softsign": tf.nn.softsign, "mish": lambda x: x * tf.math.tanh(tf.math.softplus(x)),
        "relu6": tf.nn.relu6, "exponential": tf.math.exp,
    }

    def run(name, xs):
        with tf.device("/CPU:0"):
            t = tf.constant(list(xs), dtype=tf.float32)
            return array.array("f", fns[name](t).numpy().tobytes())
    return "tensorflow-" + tf.__version__, fns.keys(), run


def python_math_functions():
    def sigmoid(v):
        return 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))

    def guard(f):
        def g(v):
            try:
                return f(v)
            except OverflowError:
                return math.inf
        return g
    fns = {"sigmoid": sigmoid, "tanh": math.tanh, "relu": lambda v: v if v >= 0 else 0.0,
           "exponential": guard(math.exp)}

    def run(name, xs):
        f = fns[name]
        out = array.array("f")
        for v in xs:
            if math.isnan(v):
                out.append(v)
                continue
            r = f(v)
            out.append(r if abs(r) <= 3.4028235677973366e38 or not math.isfinite(r)
                       else math.copysign(math.inf, r))
        return out
    return "python-math (double, rounded)", fns.keys(), run


FRAMEWORKS = {"torch": torch_functions, "tensorflow": tensorflow_functions,
              "python-math": python_math_functions}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--framework", default="torch,tensorflow")
    ap.add_argument("--act", default=",".join(ELEMENTWISE))
    ap.add_argument("--samples", default="100K")
    ap.add_argument("--actbench", default=os.path.join(here, "..", "build", "actbench"))
    ap.add_argument("--out", help="also write the CSV here")
    args = ap.parse_args()
    acts = [a for a in args.act.split(",") if a]
    for a in acts:
        if a not in ELEMENTWISE:
            sys.exit(f"score_framework: '{a}' is not an elementwise activation actbench scores from outputs")
    if not os.access(args.actbench, os.X_OK):
        sys.exit(f"score_framework: no actbench at {args.actbench} (build it, or pass --actbench)")

    rows = []
    header = None
    with tempfile.TemporaryDirectory() as tmp:
        xpath, ypath = os.path.join(tmp, "x.f32"), os.path.join(tmp, "y.f32")
        subprocess.run([args.actbench, "accuracy", "--write-inputs", xpath, "--samples", args.samples],
                       check=True, stdout=subprocess.DEVNULL)
        xs = array.array("f")
        with open(xpath, "rb") as f:
            xs.frombytes(f.read())
        for name in [f for f in args.framework.split(",") if f]:
            if name not in FRAMEWORKS:
                sys.exit(f"score_framework: unknown framework '{name}' ({', '.join(FRAMEWORKS)})")
            try:
                label, offered, run = FRAMEWORKS[name]()
            except ImportError:
                print(f"score_framework: {name} is not installed: skipped", file=sys.stderr)
                continue
            lacking = [a for a in acts if a not in offered]
            if lacking:
                print(f"score_framework: {label} lacks {','.join(lacking)}: skipped", file=sys.stderr)
            for act in [a for a in acts if a in offered]:
                with open(ypath, "wb") as f:
                    f.write(run(act, xs).tobytes())
                out = subprocess.run([args.actbench, "accuracy", "--inputs", xpath, "--outputs", ypath,
                                      "--act", act, "--label", label.replace(",", ";")],
                                     check=True, capture_output=True, text=True).stdout.splitlines()
                header = out[0]
                rows.append(out[1])
    if not rows:
        print("score_framework: nothing scored (no framework installed?)", file=sys.stderr)
        return 0
    text = "\n".join([header] + rows) + "\n"
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
