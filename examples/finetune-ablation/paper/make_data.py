#!/usr/bin/env python3
"""Generates the example's inputs: small, synthetic and byte-for-byte deterministic.

- models/Llama-3.1-8B/: a stand-in for the base checkpoint (config + "weights"),
  laid out like a Hugging Face snapshot folder.
- data/web-corpus/: a public corpus released under ODC-By 1.0.
- data/clinical-notes/: synthetic clinical-style notes standing in for private data.
- tokenizer/: a tokenizer definition.
No real model, dataset or patient is involved.
"""
import hashlib
import json
import random
from pathlib import Path


def write(path: str, data: bytes) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(data)


def pseudo_random_bytes(seed: str, size: int) -> bytes:
    out, counter = bytearray(), 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


def main() -> None:
    config = {"architectures": ["LlamaForCausalLM"], "hidden_size": 64, "num_hidden_layers": 2,
              "vocab_size": 512, "torch_dtype": "bfloat16"}
    write("models/Llama-3.1-8B/config.json", (json.dumps(config, indent=2, sort_keys=True) + "\n").encode())
    for shard in (1, 2):
        write(f"models/Llama-3.1-8B/model-0000{shard}-of-00002.safetensors", pseudo_random_bytes(f"base-{shard}", 256 * 1024))

    rng = random.Random(20240723)
    topics = ["weather", "cooking", "football", "astronomy", "gardening", "trains", "poetry", "chess"]
    for part in range(3):
        lines = [json.dumps({"id": f"web-{part}-{i}", "text": f"A short page about {rng.choice(topics)} number {i}."})
                 for i in range(200)]
        write(f"data/web-corpus/part-{part}.jsonl", ("\n".join(lines) + "\n").encode())
    write("data/web-corpus/LICENSE", b"Open Data Commons Attribution License (ODC-By) v1.0\n")

    complaints = ["chest pain", "shortness of breath", "fever", "headache", "fatigue"]
    notes = [json.dumps({"note_id": f"N{i:04d}", "age": rng.randint(18, 90),
                         "text": f"Patient presents with {rng.choice(complaints)}; synthetic record {i}."})
             for i in range(300)]
    write("data/clinical-notes/notes.jsonl", ("\n".join(notes) + "\n").encode())

    vocab = {f"tok{i}": i for i in range(512)}
    write("tokenizer/tokenizer.json", (json.dumps({"model": {"type": "BPE", "vocab": vocab}}, sort_keys=True) + "\n").encode())


if __name__ == "__main__":
    main()
