/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KFUNC_TEST_H
#define KFUNC_TEST_H

/* What the test programs return when a lookup gives NULL. */
#define KFUNC_TEST_MISS	0xdead

#endif
